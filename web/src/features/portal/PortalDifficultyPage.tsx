import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { portalApi, type DifficultyKind } from './api.js';
import { PortalDone } from './PortalDone.js';

const KINDS: DifficultyKind[] = ['job_loss', 'illness', 'bereavement', 'separation', 'other'];

/**
 * Telling the agency about a difficulty: what kind, a few words if the person wishes, and their consent to its use. A
 * person of the care team reads it and gets back to them; nothing is decided by the system.
 */
export function PortalDifficultyPage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('portal.difficulty.title'));
  const [kind, setKind] = useState<DifficultyKind | ''>('');
  const [note, setNote] = useState('');
  const [consent, setConsent] = useState(false);
  const sending = useSubmit();
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!kind || !consent) return;
    const ok = await sending.run(async () => {
      await portalApi.declare(caseId, { kind, consent: true, ...(note.trim() ? { note: note.trim() } : {}) });
    });
    if (ok) setSent(true);
  }

  if (sent)
    return <PortalDone caseId={caseId} heading={t('portal.difficulty.thanks')} text={t('portal.difficulty.next')} />;
  return (
    <div className="portal-card">
      <p>
        <Link to={`/portal/cases/${caseId}`}>{t('portal.case.backToCase')}</Link>
      </p>
      <h1>{t('portal.difficulty.heading')}</h1>
      <p>{t('portal.difficulty.intro')}</p>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('portal.difficulty.what')}</legend>
          {KINDS.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="kind"
                value={value}
                required
                checked={kind === value}
                onChange={() => setKind(value)}
              />{' '}
              {t(`portal.difficulty.kinds.${value}`)}
            </label>
          ))}
        </fieldset>
        <Field id="portal-difficulty-note" label={t('portal.difficulty.note')} hint={t('portal.difficulty.noteHint')}>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              maxLength={1000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
        </Field>
        <label className="choice">
          <input type="checkbox" required checked={consent} onChange={(event) => setConsent(event.target.checked)} />{' '}
          {t('portal.difficulty.consent')}
        </label>
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        <button type="submit" className="button primary" disabled={sending.busy}>
          {t('portal.difficulty.send')}
        </button>
      </form>
    </div>
  );
}
