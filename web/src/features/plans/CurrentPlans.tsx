import { useTranslation } from 'react-i18next';
import { schedulePdfUrl, type CaseReview, type Plan } from './api.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { useFormat } from '../../i18n/format.js';
import { PlanActions } from './PlanActions.js';
import { EventReason } from './EventReason.js';
import { useDescribe } from './useDescribe.js';
import type { Saying } from '../../i18n/saying.js';

/** The case's plans, each with its schedule, what may be done with it and its history; the open reviews above. */
export function CurrentPlans({
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
      {items.map((plan) => (
        <PlanCard key={plan.id} plan={plan} mayPropose={mayPropose} mayRecord={mayRecord} onChange={onChange} />
      ))}
    </section>
  );
}

function PlanCard({
  plan,
  mayPropose,
  mayRecord,
  onChange,
}: {
  plan: Plan;
  mayPropose: boolean;
  mayRecord: boolean;
  onChange: (message: Saying) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const describe = useDescribe();
  const version = plan.versions.find((v) => v.version === plan.currentVersion)!;
  const pdf = !['proposed', 'pending_approval', 'refused'].includes(plan.status);
  return (
    <article className="plan" aria-label={t('plans.planLabel', { version: plan.currentVersion })}>
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
      {/* From a laptop up the schedule is a column beside what may be done and the history, so both show early. */}
      <div className="plan-body">
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
        <div>
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
        </div>
      </div>
    </article>
  );
}
