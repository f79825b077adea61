import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewPlan } from './api.js';
import { parseEurosToCents } from '../../i18n/format.js';

export type Kind = NewPlan['kind'];
export const KINDS: Kind[] = ['pay_in_full', 'instalments', 'settlement'];

export interface TermsState {
  kind: Kind;
  months: string;
  discount: string;
  firstDueOn: string;
  knowingly: boolean;
}

/** The terms a debtor chose, as typed: shared by the first plan and a renegotiation (a new version). */
export function useTerms(firstDueOn: string) {
  const [terms, setTerms] = useState<TermsState>({
    kind: 'instalments',
    months: '',
    discount: '',
    firstDueOn,
    knowingly: false,
  });
  const update = (change: Partial<TermsState>) => setTerms((current) => ({ ...current, ...change }));
  const toTerms = () => ({
    kind: terms.kind,
    firstDueOn: terms.firstDueOn,
    months: terms.months.trim() === '' ? undefined : Number(terms.months),
    discountCents:
      terms.kind === 'settlement' && terms.discount.trim() !== ''
        ? (parseEurosToCents(terms.discount) ?? -1)
        : undefined,
    knowinglyAboveCapacity: terms.knowingly,
  });
  return { terms, update, toTerms };
}

/** Kind, number of instalments, discount, first due date and the debtor's knowing choice, each labelled. */
export function TermsFields({ idPrefix, state }: { idPrefix: string; state: ReturnType<typeof useTerms> }) {
  const { t } = useTranslation();
  const { terms, update } = state;
  return (
    <>
      <fieldset>
        <legend>{t('plans.kind')}</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name={`${idPrefix}-kind`}
              value={kind}
              checked={terms.kind === kind}
              onChange={() => update({ kind })}
            />{' '}
            {t(`plans.kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid-form">
        {terms.kind !== 'pay_in_full' ? (
          <div className="field">
            <label htmlFor={`${idPrefix}-months`}>{t('plans.months')}</label>
            <input
              id={`${idPrefix}-months`}
              type="number"
              min={1}
              max={84}
              step={1}
              value={terms.months}
              onChange={(e) => update({ months: e.target.value })}
              aria-describedby={`${idPrefix}-months-hint`}
            />
            <p id={`${idPrefix}-months-hint`} className="hint">
              {t(terms.kind === 'instalments' ? 'plans.monthsHint' : 'plans.monthsHintSettlement')}
            </p>
          </div>
        ) : null}
        {terms.kind === 'settlement' ? (
          <div className="field">
            <label htmlFor={`${idPrefix}-discount`}>{t('plans.discount')}</label>
            <input
              id={`${idPrefix}-discount`}
              type="text"
              inputMode="decimal"
              value={terms.discount}
              onChange={(e) => update({ discount: e.target.value })}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${idPrefix}-first-due`}>{t('plans.firstDueOn')}</label>
          <input
            id={`${idPrefix}-first-due`}
            type="date"
            required
            value={terms.firstDueOn}
            onChange={(e) => update({ firstDueOn: e.target.value })}
          />
        </div>
      </div>
      <div className="checkbox-field">
        <label>
          <input type="checkbox" checked={terms.knowingly} onChange={(e) => update({ knowingly: e.target.checked })} />{' '}
          {t('plans.knowingly')}
        </label>
      </div>
    </>
  );
}
