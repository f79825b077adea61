import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';
import { COMPLAINT_STATUSES, COMPLAINT_SUBJECTS, DEADLINE_STATUSES } from '../../../../src/complaints/contract.js';
import { getComplaintRegister } from './api.js';
import { useLiveData } from '../../api/useLiveData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ExportButtons } from '../../ui/ExportButtons.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { ComplaintTable } from './ComplaintTable.js';
import { ComplaintActions } from './ComplaintActions.js';

interface Filter {
  status: string;
  deadline: string;
  subject: string;
}

/** The register of complaints and measures: filtered by status, deadline and subject; exported for the regulator. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  usePageTitle(t('complaints.title'));
  const me = useMe();
  const [filter, setFilter] = useState<Filter>({ status: 'open', deadline: '', subject: '' });
  const [draft, setDraft] = useState<Filter>(filter);
  const query = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== ''));
  const register = useLiveData(
    (signal) => getComplaintRegister({ ...query, limit: '200' }, signal),
    JSON.stringify(query),
  );
  const handles = can(me.role, 'complaints.handle');
  // An act may take its complaint out of the list (answered, it leaves the open ones): its confirmation stays here.
  const [notice, setNotice] = useState<Saying | null>(null);
  const concluded = (said: Saying) => {
    setNotice(() => said);
    register.reload();
  };
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilter(draft);
  }
  const select = (name: keyof Filter, any: string, values: readonly string[], group: string) => (
    <div className="field">
      <label htmlFor={`complaints-${name}`}>{t(`complaints.column.${name === 'status' ? 'status' : name}`)}</label>
      <select
        id={`complaints-${name}`}
        value={draft[name]}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      >
        <option value="">{any}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {t(`${group}.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1>{t('complaints.title')}</h1>
      <p className="muted">{t('complaints.intro')}</p>
      <form className="filters" onSubmit={apply} aria-label={t('complaints.filters')}>
        {select('status', t('complaints.anyStatus'), ['open', ...COMPLAINT_STATUSES], 'complaints.statuses')}
        {select('deadline', t('complaints.anyDeadline'), DEADLINE_STATUSES, 'complaints.deadlines')}
        {select('subject', t('complaints.anySubject'), COMPLAINT_SUBJECTS, 'complaints.subjects')}
        <div className="form-actions">
          <button type="submit" className="button secondary">
            {t('complaints.apply')}
          </button>
        </div>
      </form>
      <ExportButtons path="/api/v1/complaints/export" query={query} what={t('complaints.exportWhat')} />
      <div role="status" aria-live="polite" className="status-area">
        <SuccessMessage saying={notice} />
      </div>
      <AsyncContent data={register} onRetry={register.reload}>
        {(found) => (
          <>
            <p role="status">
              {t('complaints.counts', { overdue: found.byDeadline.overdue, dueSoon: found.byDeadline.due_soon })}
            </p>
            {found.items.length === 0 ? (
              <p>{t('complaints.noneInRegister')}</p>
            ) : (
              <ComplaintTable
                complaints={found.items}
                showCase
                actions={handles ? (c) => <ComplaintActions complaint={c} onDone={concluded} /> : undefined}
              />
            )}
          </>
        )}
      </AsyncContent>
    </>
  );
}
