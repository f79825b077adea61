import { useEffect, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isAbort } from '../../api/client.js';
import { listAudit, verifyAudit } from './api.js';
import type { AuditEntry, AuditVerification } from './api.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf, SERVER_TEXT_LANG } from '../../i18n/labels.js';
import { can } from '../identity/permissions.js';
import { SensitiveReadsSection } from '../need-to-know/SensitiveReadsSection.js';
import { useMe } from '../identity/SessionProvider.js';

const PAGE_SIZE = 50;
/** Actions the server records today; offered as suggestions, any other exact name can still be typed. */
const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked_out',
  'auth.logout',
  'user.created',
  'user.updated',
  'user.updated_with_password',
  'user.preferences_changed',
  'creditor.created',
  'hold.lapsed',
  'job.run',
  'demo.loaded',
];
const TARGET_TYPES = ['user', 'creditor', 'case', 'placement', 'debtor_match', 'hold', 'job', 'system'];
/** The role recorded for scheduled jobs and command-line tools (SYSTEM_ACTOR on the server). */
const SYSTEM_ROLE = 'system';

interface Trail {
  entries: AuditEntry[];
  /** False once a page came back shorter than asked: nothing older exists. */
  mayHaveOlder: boolean;
}

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const targetType = params.get('targetType') ?? '';
  const [trail, setTrail] = useState<Trail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [attempt, setAttempt] = useState(0);
  usePageTitle(t('audit.title'));
  const me = useMe();

  useEffect(() => {
    const controller = new AbortController();
    setTrail(null);
    setError(null);
    listAudit(auditFilter(action, targetType), controller.signal).then(
      ({ items }) => setTrail({ entries: items, mayHaveOlder: items.length === PAGE_SIZE }),
      (caught: unknown) => {
        if (!isAbort(caught)) setError(caught);
      },
    );
    return () => controller.abort();
  }, [action, targetType, attempt]);

  async function loadOlder() {
    const oldest = trail?.entries[trail.entries.length - 1];
    if (!trail || !oldest) return;
    setLoadingOlder(true);
    setError(null);
    try {
      const { items } = await listAudit({ ...auditFilter(action, targetType), beforeSeq: oldest.seq });
      setTrail({ entries: [...trail.entries, ...items], mayHaveOlder: items.length === PAGE_SIZE });
    } catch (caught) {
      setError(caught);
    } finally {
      setLoadingOlder(false);
    }
  }

  return (
    <>
      <h1>{t('audit.heading')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <ChainVerification />
      {can(me.role, 'sensitive_reads.read') ? <SensitiveReadsSection /> : null}
      <AuditFilters
        action={action}
        targetType={targetType}
        onApply={(next) => setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')))}
      />
      {error ? <ProblemMessage error={error} onRetry={trail ? undefined : () => setAttempt((n) => n + 1)} /> : null}
      {trail ? (
        <AuditTable trail={trail} loadingOlder={loadingOlder} onLoadOlder={() => void loadOlder()} />
      ) : error ? null : (
        <Loading />
      )}
    </>
  );
}

function ChainVerification() {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function verify() {
    setRunning(true);
    setResult(null);
    setError(null);
    try {
      setResult(await verifyAudit());
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(false);
    }
  }

  return (
    <section className="card verification" aria-labelledby="verify-heading">
      <h2 id="verify-heading" className="visually-hidden">
        {t('audit.verify')}
      </h2>
      <button type="button" className="button primary" onClick={() => void verify()} disabled={running}>
        {t('audit.verify')}
      </button>
      <div role="status" className="status-area">
        {running ? <p>{t('audit.verifying')}</p> : null}
        {result ? (
          <div className={result.ok ? 'verification-ok' : 'verification-broken'}>
            <p>
              <strong>{result.ok ? t('audit.verifiedOk', { count: result.entriesChecked }) : t('audit.verifiedBroken')}</strong>
            </p>
            <p className="muted">
              <Trans i18nKey="audit.serverMessage" values={{ message: result.message }} components={{ text: <span lang={SERVER_TEXT_LANG} /> }} />
            </p>
          </div>
        ) : null}
      </div>
      {error ? <ProblemMessage error={error} /> : null}
    </section>
  );
}

/** The trail's filter, fully described by the two address parameters. */
function auditFilter(action: string, targetType: string) {
  return { action: action || undefined, targetType: targetType || undefined, limit: PAGE_SIZE };
}

function AuditFilters(props: { action: string; targetType: string; onApply: (filter: { action: string; targetType: string }) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState(props.action);
  const [targetType, setTargetType] = useState(props.targetType);
  // Follows the address (back/forward, reset) without remounting, so the focus stays on the button used.
  useEffect(() => {
    setAction(props.action);
    setTargetType(props.targetType);
  }, [props.action, props.targetType]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onApply({ action: action.trim(), targetType });
  }

  return (
    <form className="filters" onSubmit={submit} aria-labelledby="audit-filters-heading">
      <h2 id="audit-filters-heading" className="visually-hidden">
        {t('audit.filters')}
      </h2>
      <div className="field">
        <label htmlFor="audit-action">{t('audit.action')}</label>
        <input
          id="audit-action"
          type="text"
          list="audit-actions"
          autoComplete="off"
          value={action}
          onChange={(e) => setAction(e.target.value)}
          aria-describedby="audit-action-hint"
        />
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <p id="audit-action-hint" className="hint">
          {t('audit.actionHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="audit-target-type">{t('audit.targetType')}</label>
        <select id="audit-target-type" value={targetType} onChange={(e) => setTargetType(e.target.value)}>
          <option value="">{t('audit.anyTargetType')}</option>
          {TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {labelOf(t, 'audit.targetTypes', type)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('audit.apply')}
        </button>
        <button type="button" className="button secondary" onClick={() => props.onApply({ action: '', targetType: '' })}>
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}

function AuditTable({ trail, loadingOlder, onLoadOlder }: { trail: Trail; loadingOlder: boolean; onLoadOlder: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading" className="visually-hidden">
        {t('audit.caption')}
      </h2>
      <p role="status" className="result-count">
        {trail.entries.length === 0 ? t('audit.none') : t('audit.shown', { count: trail.entries.length })}
        {loadingOlder ? ` ${t('audit.loadingOlder')}` : ''}
      </p>
      {trail.entries.length > 0 ? (
        <TableScroll label={t('audit.caption')}>
          <table className="audit-table">
            <caption className="visually-hidden">{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="number">
                  {t('audit.seq')}
                </th>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {trail.entries.map((entry) => (
                <tr key={entry.seq}>
                  <th scope="row" className="number">
                    {entry.seq}
                  </th>
                  <td>{format.dateTime(entry.occurredAt)}</td>
                  <td>
                    {entry.actorName ?? t('audit.system')}
                    {entry.actorRole && entry.actorRole !== SYSTEM_ROLE ? (
                      <span className="muted small-block">{labelOf(t, 'roles', entry.actorRole)}</span>
                    ) : null}
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {labelOf(t, 'audit.targetTypes', entry.targetType)}
                    {entry.targetId ? <code className="muted small-block">{entry.targetId}</code> : null}
                  </td>
                  <td>
                    <EntryData entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {trail.mayHaveOlder ? (
        <button type="button" className="button secondary" onClick={onLoadOlder} disabled={loadingOlder}>
          {t('audit.loadOlder')}
        </button>
      ) : trail.entries.length > 0 ? (
        <p className="muted">{t('audit.noOlder')}</p>
      ) : null}
    </section>
  );
}

function EntryData({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.before == null && entry.after == null) return <>{t('common.none')}</>;
  return (
    <details>
      <summary>
        {t('audit.details')}
        <span className="visually-hidden"> {t('audit.ofEntry', { seq: entry.seq })}</span>
      </summary>
      {entry.before != null ? (
        <>
          <p className="data-label">{t('audit.before')}</p>
          <pre>{JSON.stringify(entry.before, null, 2)}</pre>
        </>
      ) : null}
      {entry.after != null ? (
        <>
          <p className="data-label">{t('audit.after')}</p>
          <pre>{JSON.stringify(entry.after, null, 2)}</pre>
        </>
      ) : null}
    </details>
  );
}
