import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/client.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf, RECORD_TEXT_LANG } from '../../i18n/labels.js';

/** One read of special-category data, as GET /api/v1/sensitive-reads answers (need-to-know/routes.ts). */
export interface SensitiveRead {
  seq: number;
  readAt: string;
  user: { id: string; displayName: string };
  role: string;
  debtor: { id: string; displayName: string };
  caseId: string | null;
  caseReference: string | null;
  subject: 'budget' | 'vulnerability' | 'audit_trail' | 'document';
  basis: 'care_team' | 'case_holder' | 'compliance' | 'stated_reason' | 'restricted';
  reason: string | null;
  sealed: boolean;
}

const PAGE_SIZE = 50;

const listSensitiveReads = (query: { debtorId?: string; userId?: string; beforeSeq?: number }) =>
  http.get<{ items: SensitiveRead[]; hasMore: boolean }>('/api/v1/sensitive-reads', { ...query, limit: PAGE_SIZE });

/** Compliance: who read which debtor's budget or vulnerability record, per debtor or per user. */
export function SensitiveReadsSection() {
  const { t } = useTranslation();
  const [by, setBy] = useState<'debtor' | 'user'>('debtor');
  const [id, setId] = useState('');
  const [reads, setReads] = useState<{ items: SensitiveRead[]; hasMore: boolean } | null>(null);
  const loading = useSubmit();
  const busy = loading.busy;

  async function load(beforeSeq?: number) {
    await loading.run(async () => {
      const query = by === 'debtor' ? { debtorId: id.trim() } : { userId: id.trim() };
      const page = await listSensitiveReads(beforeSeq === undefined ? query : { ...query, beforeSeq });
      setReads((previous) =>
        beforeSeq === undefined || previous === null
          ? page
          : { items: [...previous.items, ...page.items], hasMore: page.hasMore },
      );
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setReads(null);
    void load();
  }

  return (
    <section className="card" aria-labelledby="sensitive-reads-heading">
      <h2 id="sensitive-reads-heading">{t('needToKnow.reads.heading')}</h2>
      <p className="muted">{t('needToKnow.reads.intro')}</p>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="sensitive-reads-by">{t('needToKnow.reads.by')}</label>
          <select
            id="sensitive-reads-by"
            value={by}
            onChange={(event) => setBy(event.target.value as 'debtor' | 'user')}
          >
            <option value="debtor">{t('needToKnow.reads.byDebtor')}</option>
            <option value="user">{t('needToKnow.reads.byUser')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="sensitive-reads-id">{t('needToKnow.reads.id')}</label>
          <input
            id="sensitive-reads-id"
            type="text"
            required
            autoComplete="off"
            value={id}
            onChange={(event) => setId(event.target.value)}
            aria-describedby="sensitive-reads-id-hint"
          />
          <p id="sensitive-reads-id-hint" className="hint">
            {t('needToKnow.reads.idHint')}
          </p>
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {t('needToKnow.reads.search')}
        </button>
      </form>
      {loading.error ? <ProblemMessage error={loading.error} /> : null}
      {reads === null ? null : reads.items.length === 0 ? (
        <p>{t('needToKnow.reads.none')}</p>
      ) : (
        <>
          <ReadsTable reads={reads.items} />
          {reads.hasMore ? (
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => void load(reads.items[reads.items.length - 1]!.seq)}
            >
              {t('needToKnow.reads.older')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

const COLUMNS = ['at', 'user', 'role', 'debtor', 'case', 'subject', 'basis', 'reason', 'sealed'] as const;

function ReadsTable({ reads }: { reads: SensitiveRead[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableScroll label={t('needToKnow.reads.caption')}>
      <table>
        <caption className="visually-hidden">{t('needToKnow.reads.caption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {t(`needToKnow.reads.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {reads.map((read) => (
            <tr key={read.seq}>
              <td>{format.dateTime(read.readAt)}</td>
              <td>{read.user.displayName}</td>
              <td>{labelOf(t, 'roles', read.role)}</td>
              <td>{read.debtor.displayName}</td>
              <td>{read.caseReference ?? t('common.none')}</td>
              <td>{t(`needToKnow.reads.subjects.${read.subject}`)}</td>
              <td>{t(`needToKnow.reads.bases.${read.basis}`)}</td>
              <td lang={read.reason === null ? undefined : RECORD_TEXT_LANG}>{read.reason ?? t('common.none')}</td>
              <td>{read.sealed ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
