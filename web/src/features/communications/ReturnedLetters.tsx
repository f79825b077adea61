import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RETURN_SEARCH_DAYS } from '../../../../src/communications/print-run/contract.js';
import { useFormat } from '../../i18n/format.js';
import { DataTable } from '../../ui/DataTable.js';
import { Field } from '../../ui/fields.js';
import { browserToday } from '../../ui/today.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { markLettersReturned, searchReturnedLetters, type ReturnCandidate, type ReturnCandidates } from './api.js';

/**
 * A pile of returned envelopes (NPAI): each letter of the recent runs found by its reference or by part of the
 * printed name and address, the ones that came back ticked and marked in one step (each recorded on its case).
 */
export function ReturnedLetters({ onMarked }: { onMarked: () => void }) {
  const { t } = useTranslation();
  const search = useSubmit();
  const submit = useSubmit();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ReturnCandidates | null>(null);
  // Kept across searches: the pile is found a few envelopes at a time.
  const [picked, setPicked] = useState<Map<string, ReturnCandidate>>(new Map());
  const [returnedOn, setReturnedOn] = useState(browserToday);
  const [reason, setReason] = useState('NPAI');

  async function find(event: FormEvent) {
    event.preventDefault();
    await search.run(async () => {
      setFound(await searchReturnedLetters(query.trim()));
    });
  }
  function toggle(letter: ReturnCandidate, on: boolean) {
    const next = new Map(picked);
    if (on) next.set(letter.letterReference, letter);
    else next.delete(letter.letterReference);
    setPicked(next);
  }
  async function mark(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      const report = await markLettersReturned({
        letterReferences: [...picked.keys()],
        returnedOn,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      const already = report.letters.filter((l) => l.outcome === 'already_marked').length;
      return (t) =>
        t('printRuns.returns.marked', {
          marked: report.marked,
          already,
          other: report.letters.length - report.marked - already,
        });
    });
    if (!ok) return;
    setPicked(new Map());
    onMarked();
    // The letters found again, so each shows the day it is now marked returned.
    if (query.trim().length >= 3)
      await search.run(async () => {
        setFound(await searchReturnedLetters(query.trim()));
      });
  }

  return (
    <section className="card" aria-labelledby="returned-letters">
      <h2 id="returned-letters">{t('printRuns.returns.heading')}</h2>
      <p className="muted">{t('printRuns.returns.intro', { days: RETURN_SEARCH_DAYS })}</p>
      <form role="search" className="inline-form" onSubmit={(event) => void find(event)}>
        <Field id="returned-search" label={t('printRuns.returns.search')}>
          {(control) => (
            <input
              {...control}
              type="search"
              required
              minLength={3}
              maxLength={100}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button secondary" disabled={search.busy}>
          {t('printRuns.returns.find')}
        </button>
      </form>
      <SubmitFeedback submit={search} />
      {found ? <Found found={found} picked={picked} onToggle={toggle} /> : null}
      <form className="inline-form" onSubmit={(event) => void mark(event)}>
        <Field id="returned-day" label={t('printRuns.returns.returnedOn')}>
          {(control) => (
            <input
              {...control}
              type="date"
              required
              max={browserToday()}
              value={returnedOn}
              onChange={(e) => setReturnedOn(e.target.value)}
            />
          )}
        </Field>
        <Field id="returned-reason" label={t('printRuns.returns.reason')}>
          {(control) => (
            <input {...control} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="button primary" disabled={submit.busy || picked.size === 0}>
          {t('printRuns.returns.mark', { count: picked.size })}
        </button>
      </form>
      <SubmitFeedback submit={submit} />
    </section>
  );
}

function Found({
  found,
  picked,
  onToggle,
}: {
  found: ReturnCandidates;
  picked: Map<string, ReturnCandidate>;
  onToggle: (letter: ReturnCandidate, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (found.letters.length === 0) return <p role="status">{t('printRuns.returns.none')}</p>;
  return (
    <>
      {found.truncated ? <p role="status">{t('printRuns.returns.truncated')}</p> : null}
      <DataTable
        caption={t('printRuns.returns.caption')}
        rows={found.letters}
        rowKey={(l) => l.letterReference}
        columns={[
          {
            header: t('printRuns.returns.column.pick'),
            cell: (l) => (
              <input
                type="checkbox"
                aria-label={t('printRuns.returns.pick', { reference: l.letterReference })}
                checked={picked.has(l.letterReference)}
                onChange={(e) => onToggle(l, e.target.checked)}
              />
            ),
          },
          { header: t('printRuns.returns.column.letter'), cell: (l) => l.letterReference, rowHeader: true },
          {
            header: t('printRuns.returns.column.case'),
            cell: (l) => <Link to={`/cases/${l.caseId}`}>{l.caseReference}</Link>,
          },
          {
            header: t('printRuns.returns.column.address'),
            cell: (l) => l.addressLines.map((line, index) => <div key={index}>{line}</div>),
          },
          { header: t('printRuns.returns.column.run'), cell: (l) => format.date(l.runDate) },
          {
            header: t('printRuns.returns.column.returned'),
            cell: (l) => (l.returnedOn ? format.date(l.returnedOn) : '—'),
          },
        ]}
      />
    </>
  );
}
