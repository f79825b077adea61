import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_FAMILIES } from '../../../../src/audit/contract.js';
import { useApiData } from '../../api/useApiData.js';
import { labelOf } from '../../i18n/labels.js';
import { listUsers } from '../identity/api.js';

/** The address parameters of the trail's filter; the last two come from links (a case, a debtor), not the form. */
export const FILTER_KEYS = ['from', 'to', 'actorUserId', 'family', 'caseReference', 'caseId', 'debtorId'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
type Values = Record<FilterKey, string>;

/** The filter form: days (the agency's), author, area and case; applying it changes the address. */
export function AuditFilters(props: { values: Values; debtorName: string | null; onApply: (next: Values) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(props.values);
  const users = useApiData((signal) => listUsers({ limit: 200, offset: 0 }, signal), 'audit-authors');
  const incoming = JSON.stringify(props.values);
  // Follows the address (back/forward, a link, reset) without remounting, so the focus stays on the button used.
  useEffect(() => setValues(JSON.parse(incoming) as Values), [incoming]);
  const set = (name: FilterKey) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const authors =
    users.status === 'ready' ? [...users.data.items].sort((a, b) => a.displayName.localeCompare(b.displayName)) : [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onApply({ ...values, caseReference: values.caseReference.trim() });
  }
  const cleared = Object.fromEntries(FILTER_KEYS.map((name) => [name, ''])) as Values;

  return (
    <form className="filters" onSubmit={submit} aria-labelledby="audit-filters-heading">
      <h2 id="audit-filters-heading" className="visually-hidden">
        {t('auditTrail.filters')}
      </h2>
      <div className="field">
        <label htmlFor="audit-from">{t('auditTrail.from')}</label>
        <input
          id="audit-from"
          type="date"
          value={values.from}
          onChange={set('from')}
          aria-describedby="audit-dates-hint"
        />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('auditTrail.to')}</label>
        <input id="audit-to" type="date" value={values.to} onChange={set('to')} aria-describedby="audit-dates-hint" />
        <p id="audit-dates-hint" className="hint">
          {t('auditTrail.datesHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="audit-author">{t('auditTrail.author')}</label>
        <select id="audit-author" value={values.actorUserId} onChange={set('actorUserId')}>
          <option value="">{t('auditTrail.anyAuthor')}</option>
          {authors.map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-family">{t('auditTrail.family')}</label>
        <select id="audit-family" value={values.family} onChange={set('family')}>
          <option value="">{t('auditTrail.anyFamily')}</option>
          {AUDIT_FAMILIES.map((family) => (
            <option key={family} value={family}>
              {labelOf(t, 'auditTrail.families', family)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-case">{t('auditTrail.caseRef')}</label>
        <input
          id="audit-case"
          type="text"
          autoComplete="off"
          value={values.caseReference}
          onChange={set('caseReference')}
          aria-describedby="audit-case-hint"
        />
        <p id="audit-case-hint" className="hint">
          {t('auditTrail.caseHint')}
        </p>
      </div>
      {values.debtorId && props.debtorName ? (
        <p className="field">{t('auditTrail.filteredOnDebtor', { debtor: props.debtorName })}</p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('auditTrail.apply')}
        </button>
        <button type="button" className="button secondary" onClick={() => props.onApply(cleared)}>
          {t('auditTrail.reset')}
        </button>
      </div>
    </form>
  );
}
