import { useTranslation } from 'react-i18next';
import type { ApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { browserToday } from '../../ui/today.js';
import type { CreditorDetail } from '../portfolio/api.js';

export type Mandate = CreditorDetail['mandates'][number];

/** A mandate in force today (the server decides on the agency's today, docs/calendar.md). */
export function inForce(mandate: Mandate, today = browserToday()): boolean {
  return mandate.startsOn <= today && (mandate.endsOn === null || mandate.endsOn >= today);
}

/** The ids that describe a field: its error once shown, then its hint. */
const describedBy = (field: string, error: string | null, hint?: string) =>
  [error ? `${field}-error` : null, hint].filter(Boolean).join(' ') || undefined;

export function CreditorField(props: {
  creditors: { id: string; name: string }[];
  creditorId: string;
  disabled: boolean;
  error: string | null;
  onChange: (creditorId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="placement-creditor">{t('upload.creditor')}</label>
      <select
        id="placement-creditor"
        value={props.creditorId}
        disabled={props.disabled}
        required
        aria-invalid={props.error !== null}
        aria-describedby={describedBy('placement-creditor', props.error)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.creditors.length === 1 ? null : <option value="">{t('upload.chooseCreditor')}</option>}
        {props.creditors.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      <FieldError id="placement-creditor-error" text={props.error} />
    </div>
  );
}

export function MandateField(props: {
  creditor: ApiData<CreditorDetail | null> & { reload: () => void };
  creditorId: string;
  mandates: Mandate[];
  mandateCode: string;
  disabled: boolean;
  error: string | null;
  onChange: (mandateCode: string) => void;
}) {
  const { t } = useTranslation();
  const { creditor, mandates } = props;
  return (
    <div className="field">
      <label htmlFor="placement-mandate">{t('upload.mandate')}</label>
      <select
        id="placement-mandate"
        value={props.mandateCode}
        disabled={props.disabled || !props.creditorId || creditor.status !== 'ready'}
        required
        aria-invalid={props.error !== null}
        aria-describedby={describedBy('placement-mandate', props.error, 'placement-mandate-hint')}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t('upload.chooseMandate')}</option>
        {mandates.map((mandate) => {
          const usable = inForce(mandate);
          return (
            <option key={mandate.id} value={mandate.code} disabled={!usable}>
              {usable
                ? t('upload.mandateOption', {
                    code: mandate.code,
                    kind: labelOf(t, 'creditor.kinds', mandate.kind),
                  })
                : t('upload.mandateNotInForce', { code: mandate.code })}
            </option>
          );
        })}
      </select>
      <p id="placement-mandate-hint" className="hint">
        {creditor.status === 'ready' && creditor.data && mandates.length === 0
          ? t('upload.noMandates')
          : t('upload.mandateHint')}
      </p>
      {props.creditorId && creditor.status === 'loading' ? <Loading label={t('upload.loadingMandates')} /> : null}
      {creditor.status === 'error' ? <ProblemMessage error={creditor.error} onRetry={creditor.reload} /> : null}
      <FieldError id="placement-mandate-error" text={props.error} />
    </div>
  );
}

export function FileField(props: {
  file: File | null;
  disabled: boolean;
  error: string | null;
  onChange: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { file } = props;
  return (
    <div className="field">
      <label htmlFor="placement-file">{t('upload.file')}</label>
      <input
        id="placement-file"
        type="file"
        accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
        disabled={props.disabled}
        required
        aria-invalid={props.error !== null}
        aria-describedby={describedBy('placement-file', props.error, 'placement-file-hint')}
        onChange={(e) => props.onChange(e.target.files?.[0] ?? null)}
      />
      <p id="placement-file-hint" className="hint">
        {t('upload.fileHint')}
        {file ? (
          <>
            {' '}
            <span className="chosen-file">
              {t('upload.chosenFile', { name: file.name, size: format.bytes(file.size) })}
            </span>
          </>
        ) : null}
      </p>
      <FieldError id="placement-file-error" text={props.error} />
    </div>
  );
}

function FieldError({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}
