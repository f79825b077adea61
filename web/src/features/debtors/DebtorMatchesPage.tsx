import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { decideDebtorMatch, listDebtorMatches } from './api.js';
import type { DebtorCard, DebtorMatch, DebtorMatchDecision, DebtorMatchStatus } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { offsetFrom, PagedList, useFocusAfterLoad } from '../../ui/PagedTable.js';
import { Facts } from '../../ui/Facts.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { ConfirmBox } from '../../ui/ConfirmBox.js';
import { Field } from '../../ui/fields.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf, RECORD_TEXT_LANG } from '../../i18n/labels.js';

const PAGE_SIZE = 20;
const STATUSES: DebtorMatchStatus[] = ['open', 'same_person', 'different_people'];
const STALE_CODES = ['matches.already_decided', 'matches.debtor_already_merged'];

function isStatus(value: string | null): value is DebtorMatchStatus {
  return (STATUSES as (string | null)[]).includes(value);
}

/**
 * Possible duplicate debtors found at intake. A person decides: "same person" merges the two records (after a
 * confirmation), "different people" records it. The list and the filter live in the address bar.
 */
export function DebtorMatchesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: DebtorMatchStatus = isStatus(statusParam) ? statusParam : 'open';
  const offset = offsetFrom(params);
  const matches = useApiData(
    (signal) => listDebtorMatches({ status, limit: PAGE_SIZE, offset }, signal),
    params.toString(),
  );
  const [announcement, setAnnouncement] = useState('');
  usePageTitle(t('debtorMatches.title'));

  const go = (next: { status: DebtorMatchStatus; offset: number }) => {
    const search = new URLSearchParams();
    if (next.status !== 'open') search.set('status', next.status);
    if (next.offset > 0) search.set('offset', String(next.offset));
    setAnnouncement('');
    setParams(search);
  };

  // After a decision or a page change the focus goes to the list's heading, not lost with the removed buttons.
  const listHeading = useFocusAfterLoad(matches.status);

  function decided(message: string) {
    setAnnouncement(message);
    listHeading.focusWhenLoaded();
    matches.reload();
  }

  return (
    <>
      <h1>{t('debtorMatches.heading')}</h1>
      <p className="muted">{t('debtorMatches.intro')}</p>
      <StatusFilter status={status} onApply={(next) => go({ status: next, offset: 0 })} />
      <div role="status" className="status-area" id="debtor-matches-status">
        {announcement ? <p>{announcement}</p> : null}
      </div>
      <section aria-labelledby="debtor-matches-list-heading">
        <h2 id="debtor-matches-list-heading" ref={listHeading.ref} tabIndex={-1}>
          {labelOf(t, 'debtorMatches.statuses', status)}
        </h2>
        <AsyncContent data={matches} onRetry={matches.reload}>
          {(page) => (
            <PagedList
              page={page}
              offset={offset}
              pageSize={PAGE_SIZE}
              onPage={(next) => {
                listHeading.focusWhenLoaded();
                go({ status, offset: next });
              }}
              announceCount={false}
              texts={{
                caption: t('debtorMatches.caption'),
                pagination: t('debtorMatches.pagination'),
                none: t('debtorMatches.none'),
                range: (range, more) => t(more ? 'debtorMatches.rangeMore' : 'debtorMatches.range', range),
              }}
            >
              {(items) => (
                <ol className="match-list" aria-label={t('debtorMatches.caption')}>
                  {items.map((match) => (
                    <li key={match.id}>
                      <MatchCard match={match} onDecided={decided} />
                    </li>
                  ))}
                </ol>
              )}
            </PagedList>
          )}
        </AsyncContent>
      </section>
    </>
  );
}

function StatusFilter(props: { status: DebtorMatchStatus; onApply: (status: DebtorMatchStatus) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(props.status);
  useEffect(() => setStatus(props.status), [props.status]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onApply(status);
  }
  return (
    <form
      className="filters inline-filters"
      onSubmit={submit}
      aria-labelledby="debtor-matches-filters-heading"
      role="search"
    >
      <h2 id="debtor-matches-filters-heading" className="visually-hidden">
        {t('debtorMatches.filters')}
      </h2>
      <div className="field">
        <label htmlFor="debtor-matches-status-filter">{t('debtorMatches.show')}</label>
        <select
          id="debtor-matches-status-filter"
          value={status}
          onChange={(e) => setStatus(e.target.value as DebtorMatchStatus)}
        >
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {labelOf(t, 'debtorMatches.statuses', value)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button secondary">
          {t('debtorMatches.apply')}
        </button>
      </div>
    </form>
  );
}

function MatchCard({ match, onDecided }: { match: DebtorMatch; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `match-${match.id}-heading`;
  const names = { debtor: match.debtor.displayName, candidate: match.candidate.displayName };
  // As the server decides: the older record is the one kept by a merge (the candidate when created at the same time).
  const candidateOlder = Date.parse(match.candidate.createdAt) <= Date.parse(match.debtor.createdAt);
  const [newer, older] = candidateOlder ? [match.debtor, match.candidate] : [match.candidate, match.debtor];
  return (
    <article className="card match-card" aria-labelledby={headingId} data-match-id={match.id}>
      <h3 id={headingId}>{t('debtorMatches.matchHeading', names)}</h3>
      <p className="muted">
        {t('debtorMatches.foundOn', { date: format.dateTime(match.createdAt) })} ·{' '}
        <span lang={RECORD_TEXT_LANG}>{t('debtorMatches.reason', { reason: match.reason })}</span>
      </p>
      <div className="match-records">
        <RecordColumn card={newer} title={t('debtorMatches.newRecord')} id={`${match.id}-newer`} />
        <RecordColumn card={older} title={t('debtorMatches.olderRecord')} id={`${match.id}-older`} />
      </div>
      {match.status === 'open' ? (
        <DecisionForm match={match} onDecided={onDecided} />
      ) : (
        <div className="match-decision">
          <p>
            <strong>{labelOf(t, 'debtorMatches.statuses', match.status)}</strong>{' '}
            {match.reviewedAt
              ? match.reviewedBy
                ? t('debtorMatches.decided', { date: format.dateTime(match.reviewedAt), name: match.reviewedBy })
                : t('debtorMatches.decidedBySystem', { date: format.dateTime(match.reviewedAt) })
              : null}
          </p>
          {match.note ? <p lang={RECORD_TEXT_LANG}>{t('debtorMatches.noteShown', { note: match.note })}</p> : null}
        </div>
      )}
    </article>
  );
}

function RecordColumn({ card, title, id }: { card: DebtorCard; title: string; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `record-${id}-heading`;
  return (
    <section className="match-record" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {title} : {card.displayName}
      </h4>
      {card.mergedInto ? <p className="tag-line">{t('debtorMatches.mergedInto')}</p> : null}
      <Facts
        items={[
          {
            label: t('debtorMatches.birthDate'),
            value: card.birthDate ? format.date(card.birthDate) : t('debtorMatches.unknown'),
          },
          { label: t('debtorMatches.address'), value: card.address ?? t('debtorMatches.unknown') },
          {
            label: t('debtorMatches.references'),
            value:
              card.references.length === 0 ? (
                t('debtorMatches.noReferences')
              ) : (
                <ul className="plain-list">
                  {card.references.map((r) => (
                    <li key={`${r.creditorName}/${r.reference}`}>
                      {r.creditorName} : <code>{r.reference}</code>
                    </li>
                  ))}
                </ul>
              ),
          },
          {
            label: t('debtorMatches.cases'),
            value:
              card.cases.length === 0 ? (
                t('debtorMatches.noCases')
              ) : (
                <ul className="plain-list">
                  {card.cases.map((c) => (
                    <li key={c.id}>
                      <Link to={`/cases/${c.id}`}>{c.reference}</Link>{' '}
                      {t('debtorMatches.caseLine', {
                        creditor: c.creditorName,
                        stage: labelOf(t, 'stages', c.stage),
                        balance: format.money(c.balanceCents),
                      })}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </section>
  );
}

function DecisionForm({ match, onDecided }: { match: DebtorMatch; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const deciding = useSubmit();
  // Decided: the card stays disabled until the list reloads without it.
  const [decided, setDecided] = useState(false);
  const saving = deciding.busy || decided;
  const names = { debtor: match.debtor.displayName, candidate: match.candidate.displayName };
  const noteId = `match-${match.id}-note`;

  async function decide(decision: DebtorMatchDecision) {
    let message = '';
    const ok = await deciding.run(async () => {
      try {
        const trimmed = note.trim();
        const result = await decideDebtorMatch(match.id, trimmed ? { decision, note: trimmed } : { decision });
        const survivor = result.debtor.mergedInto === result.candidate.id ? result.candidate : result.debtor;
        message =
          decision === 'same_person'
            ? t('debtorMatches.merged', { name: survivor.displayName })
            : t('debtorMatches.different', names);
      } catch (caught) {
        // Decided meanwhile (by a colleague, or with a merge): the list reloads and says why.
        if (!(caught instanceof ApiError && STALE_CODES.includes(caught.code))) throw caught;
        message = t(`problems.${caught.code}`);
      }
    });
    if (ok) {
      setDecided(true);
      onDecided(message);
    } else setConfirming(false);
  }

  return (
    <form
      className="match-decision"
      aria-label={t('debtorMatches.decisionFor', names)}
      onSubmit={(event) => event.preventDefault()}
    >
      <Field id={noteId} label={t('debtorMatches.note')} hint={t('debtorMatches.noteHint')}>
        {(control) => (
          <textarea
            {...control}
            value={note}
            maxLength={500}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
            disabled={saving}
          />
        )}
      </Field>
      <DecisionActions
        matchId={match.id}
        saving={saving}
        confirming={confirming}
        onConfirming={setConfirming}
        onDecide={(decision) => void decide(decision)}
      />
      {deciding.error ? <ProblemMessage error={deciding.error} title={t('debtorMatches.failed')} /> : null}
    </form>
  );
}

/** "Same person" asks for a confirmation (a merge cannot be undone); "different people" decides at once. */
function DecisionActions({
  matchId,
  saving,
  confirming,
  onConfirming,
  onDecide,
}: {
  matchId: string;
  saving: boolean;
  confirming: boolean;
  onConfirming: (confirming: boolean) => void;
  onDecide: (decision: DebtorMatchDecision) => void;
}) {
  const { t } = useTranslation();
  const sameButton = useRef<HTMLButtonElement>(null);
  if (confirming) {
    return (
      <ConfirmBox
        textId={`match-${matchId}-confirm-text`}
        yes={saving ? t('debtorMatches.saving') : t('debtorMatches.confirm')}
        cancel={t('debtorMatches.cancel')}
        busy={saving}
        onConfirm={() => onDecide('same_person')}
        onCancel={() => {
          onConfirming(false);
          requestAnimationFrame(() => sameButton.current?.focus());
        }}
      >
        <p id={`match-${matchId}-confirm-text`}>{t('debtorMatches.confirmText')}</p>
      </ConfirmBox>
    );
  }
  return (
    <div className="form-actions">
      <button
        ref={sameButton}
        type="button"
        className="button primary"
        disabled={saving}
        onClick={() => onConfirming(true)}
      >
        {t('debtorMatches.samePerson')}
      </button>
      <button type="button" className="button secondary" disabled={saving} onClick={() => onDecide('different_people')}>
        {saving ? t('debtorMatches.saving') : t('debtorMatches.differentPeople')}
      </button>
    </div>
  );
}
