import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { decidePlanApproval, listPlanApprovals, type PlanApproval } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';

/** The team leaders' queue: plans beyond an agent's authority or above the capacity, each accepted or refused with a reason. */
export function PlanApprovalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('approvals.title'));
  const approvals = useApiData((signal) => listPlanApprovals(signal), 'plan-approvals');
  const [done, setDone] = useState<Saying | null>(null);
  return (
    <>
      <h1>{t('approvals.title')}</h1>
      <p>{t('approvals.intro')}</p>
      <div role="status" className="status-area">
        <SuccessMessage saying={done} />
      </div>
      <AsyncContent data={approvals} onRetry={approvals.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p className="muted">{t('approvals.none')}</p>
          ) : (
            <ul className="plain-list">
              {found.items.map((item) => (
                <ApprovalCard
                  key={item.id}
                  item={item}
                  onDecided={(message) => {
                    setDone(() => message);
                    approvals.reload();
                  }}
                />
              ))}
            </ul>
          )
        }
      </AsyncContent>
    </>
  );
}

function ApprovalCard({ item, onDecided }: { item: PlanApproval; onDecided: (message: Saying) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reason, setReason] = useState('');
  const deciding = useSubmit();
  const reasonId = `approval-reason-${item.id}`;

  async function decide(decision: 'accept' | 'refuse') {
    await deciding.run(async () => {
      await decidePlanApproval(item.id, decision, reason);
      onDecided((t) => t(`approvals.done.${decision}`, { reference: item.caseReference }));
    });
  }

  return (
    <li className="card">
      <h2>
        <Link to={`/cases/${item.caseId}/plans`}>
          {t('approvals.caseLine', { reference: item.caseReference, name: item.debtorName })}
        </Link>
      </h2>
      <p>
        {t('approvals.summary', {
          kind: t(`plans.kinds.${item.kind}`),
          total: format.money(item.scheduledCents),
          n: item.instalments,
          largest: format.money(item.largestInstalmentCents),
          capacity: format.money(item.capacityCents),
        })}
      </p>
      <ul>
        {item.reasons.map((r) => (
          <li key={r}>{t(`approvals.reasons.${r}`)}</li>
        ))}
      </ul>
      <p className="hint">
        {t('approvals.requested', { name: item.requestedBy ?? '—', at: format.dateTime(item.requestedAt) })}
      </p>
      <div className="stacked-form">
        <div className="field">
          <label htmlFor={reasonId}>{t('approvals.reason')}</label>
          <textarea id={reasonId} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="form-actions">
          <button
            type="button"
            className="button primary"
            disabled={deciding.busy}
            onClick={() => void decide('accept')}
          >
            {t('approvals.accept')}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={deciding.busy}
            onClick={() => void decide('refuse')}
          >
            {t('approvals.refuse')}
          </button>
        </div>
      </div>
      {deciding.error ? <ProblemMessage error={deciding.error} /> : null}
    </li>
  );
}
