import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { portalApi, type DisputeGrounds, type PortalCase, type PortalDisputeRecorded } from './api.js';
import { PortalDone } from './PortalDone.js';
import { PortalSurvey } from './PortalSurvey.js';

const GROUNDS: DisputeGrounds[] = [
  'not_mine',
  'amount_wrong',
  'already_paid',
  'not_delivered',
  'identity_theft',
  'other',
];
const MAX_FILES = 5;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/**
 * Contesting a debt, in plain words: which contract, why, what the person says and the documents that show it (PDF or
 * photos). Once sent, collection stops while the creditor is asked for its proof, which the page says with the day.
 */
export function PortalDisputePage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('portal.dispute.title'));
  const data = useApiData((signal) => portalApi.case(caseId, i18n.language, signal), `${caseId}/${i18n.language}`);
  return (
    <AsyncContent data={data} onRetry={data.reload}>
      {(view) => <DisputeForm view={view} />}
    </AsyncContent>
  );
}

function DisputeForm({ view }: { view: PortalCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [claim, setClaim] = useState(view.claims.length === 1 ? view.claims[0]!.reference : '');
  const [grounds, setGrounds] = useState<DisputeGrounds | ''>('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const sending = useSubmit();
  const [recorded, setRecorded] = useState<PortalDisputeRecorded | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!grounds || !claim) return;
    await sending.run(async () => {
      const documentIds: string[] = [];
      for (const file of files) documentIds.push((await portalApi.sendDocument(view.id, file)).id);
      setRecorded(await portalApi.dispute(view.id, { claimReference: claim, grounds, note, documentIds }));
    });
  }

  if (recorded)
    return (
      <PortalDone
        caseId={view.id}
        heading={t('portal.dispute.recorded')}
        text={[
          t('portal.dispute.next', { day: format.date(recorded.evidenceDueOn) }),
          recorded.documents > 0 ? t('portal.dispute.received', { count: recorded.documents }) : '',
        ].join(' ')}
      >
        <PortalSurvey caseId={view.id} kind="dispute_filed" id={recorded.id} />
      </PortalDone>
    );
  return (
    <div className="portal-card">
      <p>
        <Link to={`/portal/cases/${view.id}`}>{t('portal.case.backToCase')}</Link>
      </p>
      <h1>{t('portal.dispute.heading')}</h1>
      <p>{t('portal.dispute.intro')}</p>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <Field id="portal-dispute-claim" label={t('portal.dispute.claim')}>
          {(control) => (
            <select {...control} required value={claim} onChange={(event) => setClaim(event.target.value)}>
              <option value="">{t('portal.dispute.chooseClaim')}</option>
              {view.claims.map((c) => (
                <option key={c.reference} value={c.reference}>
                  {t('portal.dispute.claimOption', { reference: c.reference, since: format.date(c.defaultOn) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <GroundsChoice grounds={grounds} onChange={setGrounds} />
        <Field id="portal-dispute-note" label={t('portal.dispute.note')} hint={t('portal.dispute.noteHint')}>
          {(control) => (
            <textarea
              {...control}
              rows={6}
              minLength={10}
              maxLength={2000}
              required
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
        </Field>
        <Field id="portal-dispute-files" label={t('portal.dispute.files')} hint={t('portal.dispute.filesHint')}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept={ACCEPT}
              multiple
              onChange={(event) => setFiles([...(event.target.files ?? [])].slice(0, MAX_FILES))}
            />
          )}
        </Field>
        {files.length > 0 ? (
          <ul>
            {files.map((file) => (
              <li key={file.name}>{file.name}</li>
            ))}
          </ul>
        ) : null}
        <p>{t('portal.dispute.shared')}</p>
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        <button type="submit" className="button primary" disabled={sending.busy}>
          {t('portal.dispute.send')}
        </button>
      </form>
    </div>
  );
}

function GroundsChoice({
  grounds,
  onChange,
}: {
  grounds: DisputeGrounds | '';
  onChange: (grounds: DisputeGrounds) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('portal.dispute.why')}</legend>
      {GROUNDS.map((value) => (
        <label key={value} className="choice">
          <input
            type="radio"
            name="grounds"
            value={value}
            required
            checked={grounds === value}
            onChange={() => onChange(value)}
          />{' '}
          {t(`portal.dispute.grounds.${value}`)}
        </label>
      ))}
    </fieldset>
  );
}
