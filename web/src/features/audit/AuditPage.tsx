import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isAbort } from '../../api/client.js';
import { listAudit } from './api.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { ExportButtons } from '../../ui/ExportButtons.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { AuditTable, type Trail } from './AuditTable.js';
import { ChainVerification } from './ChainVerification.js';
import { labelOf } from '../../i18n/labels.js';
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

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const targetType = params.get('targetType') ?? '';
  const [trail, setTrail] = useState<Trail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const older = useSubmit();
  const forgetOlder = older.reset;
  const [attempt, setAttempt] = useState(0);
  usePageTitle(t('audit.title'));
  const me = useMe();

  useEffect(() => {
    const controller = new AbortController();
    setTrail(null);
    setError(null);
    forgetOlder();
    listAudit(auditFilter(action, targetType), controller.signal).then(
      ({ items }) => setTrail({ entries: items, mayHaveOlder: items.length === PAGE_SIZE }),
      (caught: unknown) => {
        if (!isAbort(caught)) setError(caught);
      },
    );
    return () => controller.abort();
  }, [action, targetType, attempt, forgetOlder]);

  async function loadOlder() {
    const oldest = trail?.entries[trail.entries.length - 1];
    if (!trail || !oldest) return;
    await older.run(async () => {
      const { items } = await listAudit({
        ...auditFilter(action, targetType),
        cursor: `${oldest.occurredAt}_${oldest.seq}`,
      });
      setTrail({ entries: [...trail.entries, ...items], mayHaveOlder: items.length === PAGE_SIZE });
    });
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
      <ExportButtons
        path="/api/v1/audit/export"
        query={{ action: action || undefined }}
        what={t('exports.lists.audit')}
      />
      {error ? (
        <ProblemMessage error={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : older.error ? (
        <ProblemMessage error={older.error} />
      ) : null}
      {trail ? (
        <AuditTable trail={trail} loadingOlder={older.busy} onLoadOlder={() => void loadOlder()} />
      ) : error ? null : (
        <Loading />
      )}
    </>
  );
}

/** The trail's filter, fully described by the two address parameters. */
function auditFilter(action: string, _targetType: string) {
  return { action: action || undefined, limit: PAGE_SIZE };
}

function AuditFilters(props: {
  action: string;
  targetType: string;
  onApply: (filter: { action: string; targetType: string }) => void;
}) {
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
        <button
          type="button"
          className="button secondary"
          onClick={() => props.onApply({ action: '', targetType: '' })}
        >
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}
