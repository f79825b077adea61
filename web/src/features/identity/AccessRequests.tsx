import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessRequestView } from '../../../../src/identity/contract.js';
import { decideAccessRequest, listAccessRequests } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { SubmitFeedback, useSubmit, type Submit } from '../../ui/useSubmit.js';

/**
 * Accounts waiting for access to case data (separation of duties). Everyone who reads the users sees them; managers
 * and compliance officers approve or refuse, with a reason, and never their own request or account (the server says
 * so if they try).
 */
export function AccessRequests({
  mayDecide,
  generation,
  onDecided,
}: {
  mayDecide: boolean;
  generation: number;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const requests = useApiData((signal) => listAccessRequests(signal), `access-requests:${generation}`);
  // Kept here, above the list: the list reloads after a decision and would lose its outcome.
  const decision = useSubmit();
  return (
    <section aria-labelledby="access-requests-heading">
      <h2 id="access-requests-heading">{t('users.requests.heading')}</h2>
      <p className="muted">{t('users.requests.intro')}</p>
      <SubmitFeedback submit={decision} />
      <AsyncContent data={requests} onRetry={requests.reload}>
        {(page) => (
          <RequestTable
            items={page.items}
            mayDecide={mayDecide}
            decision={decision}
            onDecided={() => {
              requests.reload();
              onDecided();
            }}
          />
        )}
      </AsyncContent>
    </section>
  );
}

interface RequestTableProps {
  items: AccessRequestView[];
  mayDecide: boolean;
  decision: Submit;
  onDecided: () => void;
}

function RequestTable({ items, mayDecide, decision, onDecided }: RequestTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busyId, setBusyId] = useState<string | null>(null);

  async function decide(request: AccessRequestView, approve: boolean) {
    setBusyId(request.requestId);
    await decision.run(async () => {
      const reason = reasons[request.requestId]?.trim();
      await decideAccessRequest(
        request.requestId,
        approve ? { decision: 'approve' } : { decision: 'refuse', ...(reason ? { reason } : {}) },
      );
      onDecided();
      return (t) => t(`users.requests.${approve ? 'approved' : 'refused'}`, { name: request.user.displayName });
    });
  }

  return (
    <>
      {items.length === 0 ? (
        <p>{t('users.requests.none')}</p>
      ) : (
        <TableScroll label={t('users.requests.caption')}>
          <table>
            <caption className="visually-hidden">{t('users.requests.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.requests.user')}</th>
                <th scope="col">{t('users.requests.asked')}</th>
                <th scope="col">{t('users.requests.kind')}</th>
                {mayDecide ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((request) => (
                <tr key={request.requestId}>
                  <th scope="row">
                    {request.user.displayName}
                    <span className="muted small-block plain">{request.user.email}</span>
                  </th>
                  <td>{t(`roles.${request.role}`)}</td>
                  <td>
                    {request.kind === 'role_change'
                      ? t('users.requests.kinds.role_change', {
                          from: request.fromRole ? t(`roles.${request.fromRole}`) : '',
                        })
                      : t(`users.requests.kinds.${request.kind}`)}
                    <span className="muted small-block">
                      {t('users.requests.requestedBy', {
                        name: request.requestedBy.displayName,
                        date: format.dateTime(request.requestedAt),
                      })}
                    </span>
                  </td>
                  {mayDecide ? (
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button small"
                          disabled={decision.busy && busyId === request.requestId}
                          aria-label={t('users.requests.approveLabel', { name: request.user.displayName })}
                          onClick={() => void decide(request, true)}
                        >
                          {t('users.requests.approve')}
                        </button>
                        <label className="visually-hidden" htmlFor={`refusal-${request.requestId}`}>
                          {t('users.requests.reason', { name: request.user.displayName })}
                        </label>
                        <input
                          id={`refusal-${request.requestId}`}
                          type="text"
                          maxLength={1000}
                          value={reasons[request.requestId] ?? ''}
                          placeholder={t('users.requests.reason', { name: request.user.displayName })}
                          onChange={(event) =>
                            setReasons((all) => ({ ...all, [request.requestId]: event.target.value }))
                          }
                        />
                        <button
                          type="button"
                          className="button secondary small"
                          disabled={decision.busy && busyId === request.requestId}
                          aria-label={t('users.requests.refuseLabel', { name: request.user.displayName })}
                          onClick={() => void decide(request, false)}
                        >
                          {t('users.requests.refuse')}
                        </button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
