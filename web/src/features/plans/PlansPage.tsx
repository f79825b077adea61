import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  createPlan,
  flagOrientation,
  getCasePlans,
  getPlanProposals,
  schedulePdfUrl,
  type CaseReview,
  type Plan,
  type PlanProposals,
} from './api.js';
import type { CaseDetail } from '../portfolio/api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { CaseSubpage } from '../portfolio/CaseSubpage.js';
import { Facts } from '../../ui/Facts.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { PlanActions } from './PlanActions.js';
import { TermsFields, useTerms, type Kind } from './terms.js';
import { EventReason } from './EventReason.js';
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

/** A proposal in plain words: how much, how many instalments, until when. */
function useDescribe() {
  const { t } = useTranslation();
  const format = useFormat();
  return (p: {
    kind: Kind;
    agreedCents: number;
    discountCents: number;
    schedule: { dueOn: string; amountCents: number }[];
  }) => {
    const first = p.schedule[0]!;
    const last = p.schedule.at(-1)!;
    if (p.schedule.length === 1) {
      return p.discountCents > 0
        ? t('plans.describe.settlement', {
            amount: format.money(p.agreedCents),
            discount: format.money(p.discountCents),
            date: format.date(first.dueOn),
          })
        : t('plans.describe.once', { amount: format.money(p.agreedCents), date: format.date(first.dueOn) });
    }
    const same = last.amountCents === first.amountCents;
    return (
      t(same ? 'plans.describe.equal' : 'plans.describe.instalments', {
        n: p.schedule.length,
        each: format.money(first.amountCents),
        last: format.money(last.amountCents),
        total: format.money(p.agreedCents),
        from: format.date(first.dueOn),
        to: format.date(last.dueOn),
      }) + (p.discountCents > 0 ? ` ${t('plans.describe.discount', { discount: format.money(p.discountCents) })}` : '')
    );
  };
}

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
  const describe = useDescribe();
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
            <li key={p.kind} className="plan-proposal">
              <h3>{t(`plans.kinds.${p.kind}`)}</h3>
              <p>{describe(p)}</p>
              {p.approvalReasons.length === 0 ? (
                <p className="success">{t('plans.withinAuthority')}</p>
              ) : (
                <ul>
                  {p.approvalReasons.map((r) => (
                    <li key={r}>{t(`plans.reasons.${r}`, { months: data.authority.maxPlanMonths })}</li>
                  ))}
                </ul>
              )}
              {mayPropose && !live ? (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => terms.update({ kind: p.kind, months: '', discount: '' })}
                >
                  {t('plans.choose', { kind: t(`plans.kinds.${p.kind}`) })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {data.notProposed.length > 0 ? (
          <ul className="muted">
            {data.notProposed.map((n) => (
              <li key={n.kind}>
                {t('plans.notProposed', {
                  kind: t(`plans.kinds.${n.kind}`),
                  reasons: n.reasons
                    .map((r) => t(`plans.reasons.${r}`, { months: data.authority.maxPlanMonths }))
                    .join(' ; '),
                })}
              </li>
            ))}
          </ul>
        ) : null}
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

function CurrentPlans({
  items,
  reviews,
  mayPropose,
  mayRecord,
  onChange,
}: {
  items: Plan[];
  reviews: CaseReview[];
  mayPropose: boolean;
  mayRecord: boolean;
  onChange: (message: Saying) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const describe = useDescribe();
  if (items.length === 0 && reviews.length === 0) return null;
  return (
    <section className="card" aria-labelledby="plans-heading">
      <h2 id="plans-heading">{t('plans.current')}</h2>
      {reviews
        .filter((r) => r.status === 'open')
        .map((r) => (
          <p key={r.id} className="warning-text">
            {t(`plans.reviewKinds.${r.kind}`)}
          </p>
        ))}
      {items.map((plan) => {
        const version = plan.versions.find((v) => v.version === plan.currentVersion)!;
        const pdf = !['proposed', 'pending_approval', 'refused'].includes(plan.status);
        return (
          <article key={plan.id} className="plan" aria-label={t('plans.planLabel', { version: plan.currentVersion })}>
            <p>
              <span className={`badge plan-${plan.status}`} data-testid="plan-status">
                {t(`plans.statuses.${plan.status}`)}
              </span>{' '}
              {t('plans.versionLine', { version: plan.currentVersion, kind: t(`plans.kinds.${version.kind}`) })}
            </p>
            {/* The total is what the schedule asks for: the agreed amount, brought down when the balance fell below it. */}
            <p>
              {describe({
                ...version,
                agreedCents: version.instalments.reduce((a, i) => a + i.amountCents, 0),
                schedule: version.instalments,
              })}
            </p>
            {pdf ? (
              <p>
                <a href={schedulePdfUrl(plan.id)} target="_blank" rel="noreferrer">
                  {t('plans.pdf', { version: plan.currentVersion })}
                </a>
              </p>
            ) : null}
            <TableScroll label={t('plans.scheduleCaption', { version: plan.currentVersion })}>
              <table>
                <caption className="visually-hidden">
                  {t('plans.scheduleCaption', { version: plan.currentVersion })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('plans.number')}</th>
                    <th scope="col">{t('plans.dueOn')}</th>
                    <th scope="col" className="number">
                      {t('plans.amount')}
                    </th>
                    <th scope="col">{t('plans.instalmentStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {version.instalments.map((i) => (
                    <tr key={i.number}>
                      <td>{i.number}</td>
                      <td>{format.date(i.dueOn)}</td>
                      <td className="number">{format.money(i.amountCents)}</td>
                      <td>{t(`plans.instalmentStatuses.${i.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <PlanActions
              plan={plan}
              version={version}
              mayPropose={mayPropose}
              mayRecord={mayRecord}
              onChange={onChange}
            />
            <h3>{t('plans.history')}</h3>
            <ol className="plan-history">
              {plan.events.map((e, k) => (
                <li key={k}>
                  {format.dateTime(e.occurredAt)} — {t(`plans.statuses.${e.toStatus}`)} (
                  {t('plans.versionShort', { version: e.version })}) :{' '}
                  <EventReason text={e.reasonText} written={e.reason} />
                  {e.actor ? ` — ${e.actor}` : ''}
                </li>
              ))}
            </ol>
          </article>
        );
      })}
    </section>
  );
}
