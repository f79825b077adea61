import { useTranslation } from 'react-i18next';
import { readReason } from '../../../../src/plans/contract.js';
import { useFormat } from '../../i18n/format.js';

/** A plan history reason in the reader's language: the system's reasons by their code, a person's as written. */
export function useEventReason() {
  const { t } = useTranslation();
  const format = useFormat();
  return (text: string): string => {
    const reason = readReason(text);
    switch (reason.code) {
      case 'written':
        return reason.text;
      case 'needs_approval':
        return t('planActions.reasons.needs_approval', {
          reasons: reason.reasons.map((r) => t(`approvals.reasons.${r}`)).join(' ; '),
        });
      case 'instalment_paid':
        return reason.byPayment
          ? t('planActions.reasons.paid_by_payment', { number: reason.number })
          : t('planActions.reasons.instalment_paid', { number: reason.number, reference: reason.reference });
      case 'first_due':
        return t('planActions.reasons.first_due', { date: format.date(reason.date) });
      case 'unpaid_beyond_grace':
        return t('planActions.reasons.unpaid_beyond_grace', { number: reason.number, count: reason.days });
      case 'adjusted_to_balance':
        return t('planActions.reasons.adjusted_to_balance', {
          cause: t(`planActions.reasons.adjustment_causes.${reason.cause}`),
          from: format.money(reason.fromCents),
          to: format.money(reason.toCents),
        });
      default:
        return t(`planActions.reasons.${reason.code}`);
    }
  };
}
