import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebtorPasskeys, PasskeysRevoked } from '../../../../src/portal/passkeys/contract.js';
import { http } from '../../api/client.js';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmBox } from '../../ui/ConfirmBox.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';

const passkeysUrl = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/portal-passkeys`;

/**
 * On a staff case page, for those who may reset the debtor's portal access (`portal_access.reset`): whether the person
 * has passkeys to their online space, and the button that revokes them all and ends their portal sessions (a lost or
 * stolen phone, a doubt), asked once more, then saying how many were revoked (docs/portal.md "Passkeys").
 */
export function CasePortalPasskeys({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLiveData((signal) => http.get<DebtorPasskeys>(passkeysUrl(caseId), undefined, signal), caseId);
  const submit = useSubmit();
  const [confirming, setConfirming] = useState(false);
  const revokeButton = useRef<HTMLButtonElement>(null);
  async function revoke() {
    const ok = await submit.run(async () => {
      const done = await http.post<PasskeysRevoked>(`${passkeysUrl(caseId)}/revoke`);
      return (t) =>
        [
          done.revoked === 0
            ? t('portalPasskeys.staff.revokedNone')
            : t('portalPasskeys.staff.revoked', { count: done.revoked }),
          done.sessionsEnded > 0 ? t('portalPasskeys.staff.sessionsEnded', { count: done.sessionsEnded }) : '',
        ]
          .filter(Boolean)
          .join(' ');
    });
    setConfirming(false);
    if (ok) state.reload();
    requestAnimationFrame(() => revokeButton.current?.focus());
  }
  return (
    <section className="card" aria-labelledby="portal-passkeys-heading">
      <h2 id="portal-passkeys-heading">{t('portalPasskeys.staff.heading')}</h2>
      <AsyncContent data={state} onRetry={state.reload}>
        {(found) => (
          <p>
            {found.count === 0
              ? t('portalPasskeys.staff.none')
              : `${t('portalPasskeys.staff.count', { count: found.count })} ${
                  found.lastUsedAt
                    ? t('portalPasskeys.staff.lastUsed', { day: format.instantDate(new Date(found.lastUsedAt)) })
                    : t('portalPasskeys.staff.neverUsed')
                }`}
          </p>
        )}
      </AsyncContent>
      {confirming ? (
        <ConfirmBox
          textId="portal-passkeys-confirm-text"
          yes={t('portalPasskeys.staff.confirm')}
          cancel={t('portalPasskeys.staff.cancel')}
          busy={submit.busy}
          onConfirm={() => void revoke()}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => revokeButton.current?.focus());
          }}
        >
          <p id="portal-passkeys-confirm-text">{t('portalPasskeys.staff.confirmText')}</p>
        </ConfirmBox>
      ) : (
        <div className="form-actions">
          <button
            ref={revokeButton}
            type="button"
            className="button secondary"
            disabled={submit.busy}
            onClick={() => {
              submit.reset();
              setConfirming(true);
            }}
          >
            {t('portalPasskeys.staff.revoke')}
          </button>
        </div>
      )}
      <SubmitFeedback submit={submit} />
    </section>
  );
}
