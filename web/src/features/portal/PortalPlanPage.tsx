import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { PortalSurvey } from './PortalSurvey.js';
import { portalPlansApi, type PlanSigned, type PortalPlans, type PortalProposal } from './plans-api.js';

type CurrentPlan = NonNullable<PortalPlans['current']>;

/**
 * The plans proposed within the person's budget, each said plainly, one chosen and signed with explicit consent; or
 * the plan they have, its next payment and its schedule to download; or why no plan can be chosen here.
 */
export function PortalPlanPage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('portal.budgetPlan.planTitle'));
  const data = useApiData((signal) => portalPlansApi.plans(caseId, signal), caseId);
  return (
    <div className="portal-card">
      <p>
        <Link to={`/portal/cases/${caseId}`}>{t('portal.case.backToCase')}</Link>
      </p>
      <AsyncContent data={data} onRetry={data.reload}>
        {(view) => <PlanView caseId={caseId} view={view} onSigned={data.reload} />}
      </AsyncContent>
    </div>
  );
}

function PlanView({ caseId, view, onSigned }: { caseId: string; view: PortalPlans; onSigned: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (view.current && view.refusal === 'plan_exists') return <CurrentPlanView caseId={caseId} plan={view.current} />;
  return (
    <>
      <h1>{t('portal.budgetPlan.planHeading')}</h1>
      <p>{t('portal.budgetPlan.owed', { amount: format.money(view.balanceCents) })}</p>
      {view.refusal ? (
        <p role="status" data-testid="portal-plan-refusal">
          {t(`portal.budgetPlan.refusals.${view.refusal}`)}
        </p>
      ) : (
        <>
          {view.capacityCents !== null ? (
            <p>{t('portal.budgetPlan.planIntro', { capacity: format.money(view.capacityCents) })}</p>
          ) : null}
          {view.orientation ? <p className="warning-text">{t('portal.budgetPlan.orientation')}</p> : null}
          {view.proposals.length === 0 ? (
            <p>{t('portal.budgetPlan.none')}</p>
          ) : (
            <ChoosePlan caseId={caseId} view={view} onSigned={onSigned} />
          )}
        </>
      )}
      {view.refusal === null || view.refusal === 'budget_required' ? (
        <p>
          <Link className="button" to={`/portal/cases/${caseId}/budget`}>
            {view.budget ? t('portal.budgetPlan.updateBudget') : t('portal.budgetPlan.budgetLink')}
          </Link>
        </p>
      ) : null}
    </>
  );
}

/** One proposal in a few plain sentences: how many payments, how much, from when to when, the total, what is waived. */
function ProposalWords({ proposal }: { proposal: PortalProposal }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <span>
        {t('portal.budgetPlan.count', {
          count: proposal.count,
          amount: format.money(proposal.amountCents),
          first: format.date(proposal.firstDueOn),
          last: format.date(proposal.lastDueOn),
        })}
      </span>{' '}
      {proposal.lastAmountCents !== null ? (
        <span>{t('portal.budgetPlan.lastAmount', { amount: format.money(proposal.lastAmountCents) })} </span>
      ) : null}
      <span>{t('portal.budgetPlan.total', { amount: format.money(proposal.totalCents) })}</span>{' '}
      <span>{t('portal.budgetPlan.nothingAdded')}</span>{' '}
      {proposal.waivedCents > 0 ? (
        <span>{t('portal.budgetPlan.waived', { amount: format.money(proposal.waivedCents) })} </span>
      ) : null}
      {proposal.needsApproval ? <strong>{t('portal.budgetPlan.approval')}</strong> : null}
    </>
  );
}

function ChoosePlan({ caseId, view, onSigned }: { caseId: string; view: PortalPlans; onSigned: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<PortalProposal['kind'] | ''>('');
  const [consent, setConsent] = useState(false);
  const [signed, setSigned] = useState<PlanSigned | null>(null);
  const sending = useSubmit();
  const chosen = view.proposals.find((p) => p.kind === kind) ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen || !consent) return;
    await sending.run(async () => {
      setSigned(
        await portalPlansApi.sign(caseId, {
          kind: chosen.kind,
          firstDueOn: chosen.firstDueOn,
          count: chosen.count,
          totalCents: chosen.totalCents,
          consent: true,
          consentVersion: view.consentVersion,
        }),
      );
    });
  }

  if (signed)
    return (
      <section aria-labelledby="portal-plan-signed">
        <h2 id="portal-plan-signed">
          {signed.awaitingApproval ? t('portal.budgetPlan.pending') : t('portal.budgetPlan.signed')}
        </h2>
        <p role="status">
          {signed.awaitingApproval
            ? t('portal.budgetPlan.pendingText', { day: format.dateTime(signed.signedAt) })
            : t('portal.budgetPlan.signedText', { day: format.date(chosen?.firstDueOn ?? signed.signedAt) })}
        </p>
        <button type="button" className="button primary" onClick={onSigned}>
          {t('portal.budgetPlan.current')}
        </button>
        <PortalSurvey caseId={caseId} kind="plan_agreed" id={signed.planId} />
      </section>
    );
  return (
    <form className="stacked-form" onSubmit={(event) => void submit(event)}>
      <fieldset>
        <legend>{t('portal.budgetPlan.choose')}</legend>
        {view.proposals.map((proposal) => (
          <label key={proposal.kind} className="portal-choice portal-proposal">
            <input
              type="radio"
              name="plan"
              value={proposal.kind}
              required
              checked={kind === proposal.kind}
              onChange={() => {
                setKind(proposal.kind);
                setConsent(false);
              }}
            />
            <span>
              <strong>{t(`portal.budgetPlan.kinds.${proposal.kind}`)}</strong>
              <br />
              <ProposalWords proposal={proposal} />
            </span>
          </label>
        ))}
      </fieldset>
      {chosen ? (
        <label className="portal-choice">
          <input type="checkbox" required checked={consent} onChange={(event) => setConsent(event.target.checked)} />
          <span>
            {t('portal.budgetPlan.consent', {
              total: format.money(chosen.totalCents),
              count: chosen.count,
              first: format.date(chosen.firstDueOn),
            })}
          </span>
        </label>
      ) : null}
      {sending.error ? <ProblemMessage error={sending.error} /> : null}
      <button type="submit" className="button primary" disabled={sending.busy || !chosen || !consent}>
        {t('portal.budgetPlan.sign')}
      </button>
    </form>
  );
}

/** The plan the person has: where it stands, the next payment, each payment, the schedule to download. */
export function CurrentPlanView({ caseId, plan }: { caseId: string; plan: CurrentPlan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const said = { due: 'toPay', paid: 'paid', late: 'late' } as const;
  return (
    <>
      <h1>{t('portal.budgetPlan.current')}</h1>
      <p>
        <strong>{t(`portal.budgetPlan.status.${plan.status}`)}</strong> · {t(`portal.budgetPlan.kinds.${plan.kind}`)} ·{' '}
        {t('portal.budgetPlan.total', { amount: format.money(plan.totalCents) })}
      </p>
      {plan.waivedCents > 0 ? <p>{t('portal.budgetPlan.waived', { amount: format.money(plan.waivedCents) })}</p> : null}
      {plan.next ? (
        <p data-testid="portal-plan-next">
          {t('portal.budgetPlan.next', {
            amount: format.money(plan.next.amountCents),
            day: format.date(plan.next.dueOn),
          })}
        </p>
      ) : null}
      <table className="portal-amounts">
        <caption className="visually-hidden">{t('portal.budgetPlan.scheduleCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portal.budgetPlan.number')}</th>
            <th scope="col">{t('portal.budgetPlan.due')}</th>
            <th scope="col">{t('portal.budgetPlan.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.instalments.map((i) => (
            <tr key={i.number}>
              <td>{i.number}</td>
              <td>{format.date(i.dueOn)}</td>
              <td>
                {format.money(i.amountCents)} ({t(`portal.budgetPlan.${said[i.status]}`)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.scheduleAvailable ? (
        <p>
          <a className="button" href={portalPlansApi.scheduleUrl(caseId, plan.id)} download>
            {t('portal.budgetPlan.schedule')}
          </a>
        </p>
      ) : null}
    </>
  );
}
