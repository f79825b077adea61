import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useMe } from '../identity/SessionProvider.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import type { Saying } from '../../i18n/saying.js';
import { cancelRemittance, releaseRemittance, type Remittance } from './api.js';

/** The state of a remittance in words: prepared ones wait for a second person. */
export function RemittanceStatus({ status }: { status: Remittance['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge remittance-${status}`} data-testid="remittance-status">
      {t(`administration.fourEyes.statuses.${status}`)}
    </span>
  );
}

/** Who released or cancelled the remittance, and when: facts beside who prepared it. */
export function decisionFacts(remittance: Remittance, t: TFunction, dateTime: (iso: string) => string) {
  const facts = [];
  if (remittance.releasedAt) {
    facts.push(
      { label: t('administration.fourEyes.releasedBy'), value: remittance.releasedBy ?? t('common.none') },
      { label: t('administration.fourEyes.releasedAt'), value: dateTime(remittance.releasedAt) },
    );
  }
  if (remittance.cancelledAt) {
    facts.push({
      label: t('administration.fourEyes.cancelledBy'),
      value: `${remittance.cancelledBy ?? t('common.none')}, ${dateTime(remittance.cancelledAt)}`,
    });
  }
  return facts;
}

/**
 * Four-eyes on money out: a prepared remittance is released by another person than its preparer. The preparer is
 * told who must act; the server refuses a release by the preparer anyway (remittances.own_preparation).
 */
export function ReleasePanel({ remittance, onChange }: { remittance: Remittance; onChange: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const submit = useSubmit();
  const mine = remittance.preparedById === me.id;
  const act = (action: typeof releaseRemittance, done: Saying) =>
    void submit.run(async () => {
      await action(remittance.id);
      onChange();
      return done;
    });
  // Once decided, the panel only keeps the confirmation of what this person just did.
  if (remittance.status !== 'prepared') return submit.done ? <SubmitFeedback submit={submit} /> : null;
  return (
    <section className="card" aria-labelledby="release-heading">
      <h2 id="release-heading">{t('administration.fourEyes.heading')}</h2>
      <p>{t(mine ? 'administration.fourEyes.waitingOther' : 'administration.fourEyes.waitingRelease')}</p>
      <div className="form-actions">
        {mine ? null : (
          <button
            type="button"
            className="button primary"
            disabled={submit.busy}
            onClick={() => act(releaseRemittance, (t) => t('administration.fourEyes.released'))}
          >
            {submit.busy ? t('administration.fourEyes.releasing') : t('administration.fourEyes.release')}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={submit.busy}
          onClick={() => act(cancelRemittance, (t) => t('administration.fourEyes.cancelled'))}
        >
          {t('administration.fourEyes.cancel')}
        </button>
      </div>
      <SubmitFeedback submit={submit} />
    </section>
  );
}
