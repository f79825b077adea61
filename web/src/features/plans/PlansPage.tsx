import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createPlan, flagOrientation, getCasePlans, getPlanProposals, type Plan, type PlanProposals } from './api.js';
import type { CaseDetail } from '../portfolio/api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { CaseSubpage } from '../portfolio/CaseSubpage.js';
import { Facts } from '../../ui/Facts.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { TermsFields, useTerms } from './terms.js';
import { CurrentPlans } from './CurrentPlans.js';
import { useDescribe } from './useDescribe.js';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';

type Proposal = PlanProposals['proposals'][number];

/** Payment plans of a case: proposals within the capacity in plain words, the plan chosen, its schedule and status. */
export function PlansPage() {
  return (
    <CaseSubpage headingKey="plans.heading" titleKey="plans.title">
      {(found) => <PlansView detail={found} />}
    </CaseSubpage>
  );
}

function PlansView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const proposals = useApiData((signal) => getPlanProposals(detail.id, signal), detail.id);
  const plans = useApiData((signal) => getCasePlans(detail.id, signal), detail.id);
  const [done, setDone] = useState<Saying | null>(null);
  const reload = (message: Saying) => {
    setDone(() => message);
    proposals.reload();
    plans.reload();
  };
  return (
    <>
      <p className="back-link">
        <Link to={`/cases/${detail.id}`}>
          <span aria-hidden="true">← </span>
          {t('budget.back', { reference: detail.reference })}
        </Link>
      </p>
      <h1>{t('plans.heading', { name: detail.debtor.displayName })}</h1>
      <div role="status" className="status-area">
        <SuccessMessage saying={done} />
      </div>
      <AsyncContent data={plans} onRetry={plans.reload}>
        {(found) => (
          <CurrentPlans
            items={found.items}
            reviews={found.reviews}
            mayPropose={can(me.role, 'plans.propose')}
            mayRecord={can(me.role, 'plans.record')}
            onChange={reload}
          />
        )}
      </AsyncContent>
      <AsyncContent data={proposals} onRetry={proposals.reload}>
        {(found) => (
          <Proposals
            data={found}
            caseId={detail.id}
            mayPropose={can(me.role, 'plans.propose')}
            onChange={reload}
            live={plans.status === 'ready' && plans.data.items.some((p) => LIVE.includes(p.status))}
          />
        )}
      </AsyncContent>
    </>
  );
}

const LIVE: Plan['status'][] = ['proposed', 'pending_approval', 'agreed', 'active', 'broken'];

/** What a plan rests on: the capacity of the latest budget (this case's share), the balance, the limits. */
function CapacityBasis({ data, capacity }: { data: PlanProposals; capacity: NonNullable<PlanProposals['capacity']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="capacity-heading">
      <h2 id="capacity-heading">{t('plans.basis')}</h2>
      <p data-testid="plan-capacity">
        {t('plans.capacityLine', {
          amount: format.money(capacity.capacityCents),
          version: capacity.version,
          date: format.date(capacity.date),
        })}
      </p>
      {capacity.capacityCents !== capacity.householdCapacityCents ? (
        <p className="hint">{t('plans.shareLine', { household: format.money(capacity.householdCapacityCents) })}</p>
      ) : null}
      <Facts
        items={[
          { label: t('plans.balance'), value: format.money(data.balanceCents) },
          {
            label: t('plans.mandateLimits'),
            value: t('plans.limits', {
              months: data.mandate.maxPlanMonths,
              discount: format.percentFromBasisPoints(data.mandate.settlementsAllowed ? data.mandate.maxDiscountBp : 0),
            }),
          },
          {
            label: t('plans.yourAuthority'),
            value: t('plans.limits', {
              months: data.authority.maxPlanMonths,
              discount: format.percentFromBasisPoints(data.authority.maxDiscountBp),
            }),
          },
        ]}
      />
    </section>
  );
}

function Proposals({
  data,
  caseId,
  mayPropose,
  onChange,
  live,
}: {
  data: PlanProposals;
  caseId: string;
  mayPropose: boolean;
  onChange: (message: Saying) => void;
  live: boolean;
}) {
  const { t } = useTranslation();
  const terms = useTerms(data.firstDueOn);
  const [note, setNote] = useState('');
  const sending = useSubmit();

  if (data.capacity === null) {
    return (
      <section className="card" aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t('plans.proposals')}</h2>
        <p>{t('plans.noBudget')}</p>
        <p>
          <Link className="button secondary" to={`/cases/${caseId}/budget`}>
            {t('budget.open')}
          </Link>
        </p>
      </section>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await sending.run(async () => {
      const plan = await createPlan(caseId, { ...terms.toTerms(), note: note.trim() || undefined });
      onChange((t) => t(`plans.recorded.${plan.status === 'pending_approval' ? 'pending' : 'agreed'}`));
    });
  }

  async function orient() {
    await sending.run(async () => {
      await flagOrientation(caseId);
      onChange((t) => t('plans.oriented'));
    });
  }

  return (
    <>
      <CapacityBasis data={data} capacity={data.capacity} />

      <section className="card" aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t('plans.proposals')}</h2>
        {data.orientation ? (
          <div className="notice warning-text">
            <p>{t('plans.orientation')}</p>
            {mayPropose ? (
              <button type="button" className="button secondary" onClick={() => void orient()}>
                {t('plans.orient')}
              </button>
            ) : null}
          </div>
        ) : null}
        <ul className="plain-list">
          {data.proposals.map((p: Proposal) => (
            <ProposalItem
              key={p.kind}
              proposal={p}
              maxPlanMonths={data.authority.maxPlanMonths}
              onChoose={mayPropose && !live ? () => terms.update({ kind: p.kind, months: '', discount: '' }) : null}
            />
          ))}
        </ul>
        <NotProposed items={data.notProposed} maxPlanMonths={data.authority.maxPlanMonths} />
      </section>

      {mayPropose && !live ? (
        <form className="card" aria-labelledby="record-heading" onSubmit={(e) => void submit(e)} noValidate>
          <h2 id="record-heading">{t('plans.record')}</h2>
          <TermsFields idPrefix="plan" state={terms} />
          <div className="field">
            <label htmlFor="plan-note">{t('plans.note')}</label>
            <textarea id="plan-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={sending.busy}>
              {t('plans.submit')}
            </button>
          </div>
        </form>
      ) : null}
      {sending.error ? <ProblemMessage error={sending.error} /> : null}
    </>
  );
}

function ProposalItem({
  proposal: p,
  maxPlanMonths,
  onChoose,
}: {
  proposal: Proposal;
  maxPlanMonths: number;
  /** Null when no plan may be recorded here (no right to, or a plan already runs). */
  onChoose: (() => void) | null;
}) {
  const { t } = useTranslation();
  const describe = useDescribe();
  return (
    <li className="plan-proposal">
      <h3>{t(`plans.kinds.${p.kind}`)}</h3>
      <p>{describe(p)}</p>
      {p.approvalReasons.length === 0 ? (
        <p className="success">{t('plans.withinAuthority')}</p>
      ) : (
        <ul>
          {p.approvalReasons.map((r) => (
            <li key={r}>{t(`plans.reasons.${r}`, { months: maxPlanMonths })}</li>
          ))}
        </ul>
      )}
      {onChoose ? (
        <button type="button" className="button secondary" onClick={onChoose}>
          {t('plans.choose', { kind: t(`plans.kinds.${p.kind}`) })}
        </button>
      ) : null}
    </li>
  );
}

/** The kinds of plan the rules leave out here, each with why. */
function NotProposed({ items, maxPlanMonths }: { items: PlanProposals['notProposed']; maxPlanMonths: number }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="muted">
      {items.map((n) => (
        <li key={n.kind}>
          {t('plans.notProposed', {
            kind: t(`plans.kinds.${n.kind}`),
            reasons: n.reasons.map((r) => t(`plans.reasons.${r}`, { months: maxPlanMonths })).join(' ; '),
          })}
        </li>
      ))}
    </ul>
  );
}
