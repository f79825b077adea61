import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import type { Kind } from './terms.js';

/** A proposal in plain words: how much, how many instalments, until when. */
export function useDescribe() {
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
