import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../../src/platform/calendar/dates.js';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { browserToday } from '../../ui/today.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import {
  getTeamSample,
  recordCoaching,
  recordReview,
  type GridView,
  type SampledCallView,
  type TeamSample,
} from './api.js';
import { CoachingNote } from './QualityPage.js';
import { QualityTrends } from './QualityTrends.js';

type Agent = TeamSample['agents'][number];

/** The last six months, this one first (YYYY-MM). */
function recentMonths(): string[] {
  const first = `${browserToday().slice(0, 7)}-01`;
  return Array.from({ length: 6 }, (_, i) => addMonths(first, -i).slice(0, 7));
}

/** The team leader's month: each agent's sampled calls, the review form, coaching notes; then the trends. */
export function TeamQuality() {
  const { t, i18n } = useTranslation();
  const months = recentMonths();
  const [month, setMonth] = useState(months[0]!);
  const sample = useApiData((signal) => getTeamSample(month, signal), `quality-sample-${month}`);
  return (
    <>
      <section aria-labelledby="quality-sample">
        <h2 id="quality-sample">{t('quality.sample.heading')}</h2>
        <label htmlFor="quality-month">{t('quality.month')}</label>{' '}
        <select id="quality-month" value={month} onChange={(event) => setMonth(event.target.value)}>
          {months.map((value) => (
            <option key={value} value={value}>
              {monthName(value, i18n.language)}
            </option>
          ))}
        </select>
        <AsyncContent data={sample} onRetry={sample.reload}>
          {(found) =>
            found.agents.length === 0 ? (
              <p>{t('quality.sample.noAgent')}</p>
            ) : (
              <>
                {found.agents.map((agent) => (
                  <AgentMonth key={agent.agentId} agent={agent} grid={found.grid} onChange={sample.reload} />
                ))}
              </>
            )
          }
        </AsyncContent>
      </section>
      <QualityTrends />
    </>
  );
}

/** A month (YYYY-MM) in words, in the reader's language ("décembre 2026"). */
export function monthName(month: string, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T00:00:00Z`),
  );
}

function AgentMonth({ agent, grid, onChange }: { agent: Agent; grid: GridView | null; onChange: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reviewing, setReviewing] = useState<SampledCallView | null>(null);
  const [coaching, setCoaching] = useState(false);
  const headingId = `quality-agent-${agent.agentId}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {agent.displayName}
        {agent.teamName ? ` · ${agent.teamName}` : ''}
      </h3>
      <p className="muted">{t('quality.sample.calls', { count: agent.callsInMonth })}</p>
      {agent.sample.length === 0 ? (
        <p>{t('quality.sample.empty')}</p>
      ) : (
        <DataTable
          caption={t('quality.sample.caption', { agent: agent.displayName })}
          rows={agent.sample}
          rowKey={(row) => row.callId}
          columns={[
            {
              header: t('quality.columns.call'),
              rowHeader: true,
              cell: (row) => `${format.dateTime(row.occurredAt)} (${t(`quality.directions.${row.direction}`)})`,
            },
            { header: t('quality.columns.case'), cell: (row) => row.caseReference },
            { header: t('quality.columns.reason'), cell: (row) => t(`quality.reasons.${row.reason}`) },
            {
              header: t('quality.columns.review'),
              cell: (row) =>
                row.review ? (
                  <>
                    {format.percentFromBasisPoints(row.review.scoreBp)} ·{' '}
                    {row.review.acknowledgedAt
                      ? t('quality.sample.acknowledged', { date: format.dateTime(row.review.acknowledgedAt) })
                      : t('quality.sample.notAcknowledged')}
                  </>
                ) : (
                  <button type="button" disabled={!grid} onClick={() => setReviewing(row)}>
                    {t('quality.sample.review', { date: format.dateTime(row.occurredAt) })}
                  </button>
                ),
            },
          ]}
        />
      )}
      {reviewing && grid ? (
        <ReviewForm
          call={reviewing}
          grid={grid}
          onClose={() => setReviewing(null)}
          onDone={() => {
            setReviewing(null);
            onChange();
          }}
        />
      ) : null}
      <h4>{t('quality.coaching.heading')}</h4>
      {agent.coaching.length === 0 ? <p>{t('quality.coaching.empty')}</p> : null}
      <ul className="plain-list">
        {agent.coaching.map((note) => (
          <li key={note.id}>
            <CoachingNote note={note} />
          </li>
        ))}
      </ul>
      {coaching ? (
        <CoachingForm agent={agent} onDone={onChange} />
      ) : (
        <button type="button" onClick={() => setCoaching(true)}>
          {t('quality.coaching.open')}
        </button>
      )}
    </article>
  );
}

function useGridLanguage(): 'fr' | 'en' | 'it' {
  const { i18n } = useTranslation();
  return (['fr', 'en', 'it'] as const).find((l) => i18n.language.startsWith(l)) ?? 'fr';
}

/** The grid as a form: one choice per criterion (0 to its maximum, "not applicable" where allowed), then notes. */
function ReviewForm({
  call,
  grid,
  onClose,
  onDone,
}: {
  call: SampledCallView;
  grid: GridView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useGridLanguage();
  const submit = useSubmit();
  const [scores, setScores] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      const review = await recordReview({
        callId: call.callId,
        scores: grid.criteria.map((criterion) => ({
          criterion: criterion.id,
          score: scores[criterion.id] === 'na' ? null : Number(scores[criterion.id] ?? Number.NaN),
        })),
        notes: notes.trim() === '' ? null : notes.trim(),
      });
      onDone();
      return (tt, f) => tt('quality.form.done', { score: f.percentFromBasisPoints(review.scoreBp) });
    });
  };
  const headingId = `review-${call.callId}`;
  return (
    <form className="card" aria-labelledby={headingId} onSubmit={onSubmit}>
      <h4 id={headingId}>
        {t('quality.form.heading', { date: format.dateTime(call.occurredAt), case: call.caseReference })}
      </h4>
      <p className="muted">{t('quality.form.grid', { version: grid.version, date: format.date(grid.validFrom) })}</p>
      {grid.criteria.map((criterion) => {
        const id = `criterion-${call.callId}-${criterion.id}`;
        const text = criterion.texts[language];
        return (
          <div className="field" key={criterion.id}>
            <label htmlFor={id}>{t('quality.form.criterion', { label: text.label, max: criterion.scaleMax })}</label>
            <select
              id={id}
              required
              aria-describedby={`${id}-hint`}
              value={scores[criterion.id] ?? ''}
              onChange={(event) => setScores({ ...scores, [criterion.id]: event.target.value })}
            >
              <option value="" disabled>
                —
              </option>
              {Array.from({ length: criterion.scaleMax + 1 }, (_, point) => (
                <option key={point} value={String(point)}>
                  {point}
                </option>
              ))}
              {criterion.allowNotApplicable ? <option value="na">{t('quality.form.notApplicable')}</option> : null}
            </select>
            <p id={`${id}-hint`} className="hint">
              {text.guidance}
            </p>
          </div>
        );
      })}
      <div className="field wide">
        <label htmlFor={`${headingId}-notes`}>{t('quality.form.notes')}</label>
        <textarea
          id={`${headingId}-notes`}
          rows={3}
          maxLength={4000}
          aria-describedby={`${headingId}-notes-hint`}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
        />
        <p id={`${headingId}-notes-hint`} className="hint">
          {t('quality.form.notesHint')}
        </p>
      </div>
      <div className="actions">
        <button type="submit" disabled={submit.busy}>
          {t('quality.form.submit')}
        </button>{' '}
        <button type="button" onClick={onClose}>
          {t('quality.form.cancel')}
        </button>
      </div>
      <SubmitFeedback submit={submit} />
    </form>
  );
}

/** A coaching note for the agent: the actions agreed (one a line), notes, the follow-up day. */
function CoachingForm({ agent, onDone }: { agent: Agent; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [actions, setActions] = useState('');
  const [notes, setNotes] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const latest = agent.sample.find((call) => call.review)?.review ?? null;
  const id = `coaching-${agent.agentId}`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      await recordCoaching({
        agentId: agent.agentId,
        reviewId: latest?.id ?? null,
        actions: actions
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        notes: notes.trim() === '' ? null : notes.trim(),
        followUpOn,
      });
      setActions('');
      setNotes('');
      onDone();
      return (tt) => tt('quality.coaching.done');
    });
  };
  return (
    <form className="card" aria-labelledby={`${id}-heading`} onSubmit={onSubmit}>
      <h4 id={`${id}-heading`}>{t('quality.coaching.formHeading', { agent: agent.displayName })}</h4>
      <div className="field wide">
        <label htmlFor={`${id}-actions`}>{t('quality.coaching.actions')}</label>
        <textarea
          id={`${id}-actions`}
          rows={3}
          required
          value={actions}
          onChange={(event) => setActions(event.target.value)}
        />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-notes`}>{t('quality.coaching.notes')}</label>
        <textarea id={`${id}-notes`} rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-follow-up`}>{t('quality.coaching.followUp')}</label>
        <input
          id={`${id}-follow-up`}
          type="date"
          required
          aria-describedby={`${id}-follow-up-hint`}
          value={followUpOn}
          onChange={(event) => setFollowUpOn(event.target.value)}
        />
        <p id={`${id}-follow-up-hint`} className="hint">
          {t('quality.coaching.followUpHint')}
        </p>
      </div>
      <button type="submit" disabled={submit.busy}>
        {t('quality.coaching.submit')}
      </button>
      <SubmitFeedback submit={submit} />
    </form>
  );
}
