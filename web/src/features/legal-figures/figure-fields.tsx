import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/fields.js';
import type { LegalFigures } from './api.js';

/** What each form of a dated figure is given: the figures read, and what to do once closed or once a row is added. */
export interface FigureFormProps {
  figures: LegalFigures;
  onClose: () => void;
  onAdded: () => void;
}

/** A figure's status: a text of law, one to confirm, or (for a deadline) the agency's choice. */
export function TagSelect<T extends string>(props: {
  id: string;
  tags: readonly T[];
  value: T;
  onChange: (value: T) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field id={props.id} label={t('legalFigures.form.tag')}>
      {(control) => (
        <select {...control} value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
          {props.tags.map((value) => (
            <option key={value} value={value}>
              {t(`legalFigures.tags.${value}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The day a row applies from: today or later (the server refuses a past day, or one taken, said as `error`). */
export function ValidFromField(props: {
  id: string;
  today: string;
  hint: string;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field id={props.id} label={t('legalFigures.form.validFrom')} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          {...control}
          type="date"
          required
          min={props.today}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** The text or article a figure comes from. */
export function SourceField(props: { id: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field id={props.id} label={t('legalFigures.form.source')} wide>
      {(control) => (
        <input
          {...control}
          required
          maxLength={300}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** An amount or a rate typed as a person writes it ("1 250,50", "4,5"), read by the form when sent. */
export function DecimalField(props: {
  id: string;
  label: string;
  hint?: string;
  error: string | null | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          {...control}
          inputMode="decimal"
          autoComplete="off"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
