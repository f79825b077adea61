import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ExportButtons } from '../../ui/ExportButtons.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import {
  decideExperiment,
  championQuery,
  getChampionChallenger,
  type ChampionChallengerReport,
  type ExperimentDecision,
  type PortfolioFilters,
} from './api.js';

/** The chart library arrives with the first chart, as on the rest of the page. */
const ComparisonChart = lazy(() => import('./ComparisonChart.js').then((m) => ({ default: m.ComparisonChart })));

type Segment = ChampionChallengerReport['segments'][number];
type Figure = Segment['collected'] | Segment['keptPromises'];

/**
 * The champion/challenger section of the portfolio performance page: for each segment with a challenger, a chart of
 * collected per case and the table of every figure beside it, the warnings, the recommendation, and for a manager the
 * decision form. Same filters as the page (the months are the cohorts: when cases entered the segment).
 */
export function ChampionChallengerSection(props: { filters: PortfolioFilters; mayDecide: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { filters } = props;
  const key = `cc|${filters.creditorId}|${filters.from}|${filters.to}`;
  const report = useApiData((signal) => getChampionChallenger(filters, signal), key);
  // Said outside the figures: they are read again after a decision, and the form goes with them meanwhile.
  const [decided, setDecided] = useState(false);
  const onDecided = () => {
    setDecided(true);
    report.reload();
  };
  return (
    <section aria-labelledby="champion-challenger-heading">
      <h2 id="champion-challenger-heading">{t('championChallenger.heading')}</h2>
      <ExportButtons
        path="/api/v1/reports/champion-challenger/export"
        query={championQuery(filters)}
        what={t('exports.lists.championChallenger')}
      />
      {filters.placementId ? <p className="hint">{t('championChallenger.notByPlacement')}</p> : null}
      <p role="status" className={decided ? 'success' : 'visually-hidden'}>
        {decided ? t('championChallenger.decided') : ''}
      </p>
      <AsyncContent data={report} onRetry={report.reload}>
        {(data) => (
          <>
            <p className="muted">
              {t('championChallenger.intro', { alpha: data.alpha.toLocaleString(format.locale) })}
            </p>
            <p>{t('championChallenger.cohorts', { from: data.from, to: data.to })}</p>
            {data.segments.length === 0 ? <p>{t('championChallenger.none')}</p> : null}
            {data.segments.map((segment) => (
              <SegmentComparison
                key={segment.segmentId}
                segment={segment}
                report={data}
                mayDecide={props.mayDecide}
                onDecided={onDecided}
              />
            ))}
          </>
        )}
      </AsyncContent>
    </section>
  );
}

function SegmentComparison(props: {
  segment: Segment;
  report: ChampionChallengerReport;
  mayDecide: boolean;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const { segment, report } = props;
  const headingId = `cc-${segment.segmentId}`;
  const warnings = [
    ...new Set(
      [segment.collected, segment.keptPromises, segment.complaints, segment.satisfaction].flatMap((f) => f.warnings),
    ),
  ];
  return (
    <section aria-labelledby={headingId} className="comparison">
      <h3 id={headingId}>{segment.segmentName}</h3>
      <p>
        {segment.running
          ? t('championChallenger.running', { share: segment.sharePercent })
          : t('championChallenger.ended')}
        {segment.note ? ` ${t('championChallenger.question', { note: segment.note })}` : ''}
      </p>
      <div className="chart-and-table">
        {/* The empty box holds the chart's place: the table beside it keeps its width when the chart arrives. */}
        <Suspense fallback={<div className="comparison-chart" aria-hidden="true" />}>
          <ComparisonChart segment={segment} />
        </Suspense>
        <FiguresTable segment={segment} minimumAnswers={report.minimumAnswers} />
      </div>
      {warnings.length > 0 ? (
        <ul className="warnings">
          {warnings.map((warning) => (
            <li key={warning}>
              {t(`championChallenger.warning.${warning}`, {
                min: warning === 'too_few_answers' ? report.minimumAnswers : report.minCasesPerArm,
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="recommendation">
        <dt>{t('championChallenger.recommendationHeading')}</dt>
        <dd>
          <strong>{t(`championChallenger.recommendation.${segment.recommendation}`)}</strong>
          {' — '}
          {segment.reasons.map((reason) => t(`championChallenger.reason.${reason}`)).join(', ')}
        </dd>
      </dl>
      {segment.lastDecision ? <LastDecision decision={segment.lastDecision} /> : null}
      {props.mayDecide && segment.running ? <DecisionForm segment={segment} onDecided={props.onDecided} /> : null}
    </section>
  );
}

function FiguresTable({ segment, minimumAnswers }: { segment: Segment; minimumAnswers: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (cents: number | null) => (cents === null ? '—' : format.money(cents));
  const rate = (side: { k: number; n: number; rateBp: number | null }) =>
    side.rateBp === null
      ? '—'
      : `${format.percentFromBasisPoints(side.rateBp)} (${t('championChallenger.outOf', { k: format.count(side.k), n: format.count(side.n) })})`;
  const score = (side: { n: number; mean: number | null }) =>
    side.mean === null
      ? t('championChallenger.tooFewAnswers', { n: minimumAnswers })
      : `${(side.mean / 100).toLocaleString(format.locale, { minimumFractionDigits: 2 })} (${t('championChallenger.answers', { n: side.n })})`;
  const test = (figure: Figure) => t(`championChallenger.test.${figure.test ?? 'none'}`);
  const p = (figure: Figure) =>
    figure.pValue === null
      ? '—'
      : `${figure.pValue.toLocaleString(format.locale, { maximumFractionDigits: 3, minimumFractionDigits: 3 })}${figure.significant ? ` (${t('championChallenger.significant')})` : ''}`;
  const points = (bp: number | null) => (bp === null ? '—' : format.percentFromBasisPoints(bp));
  const rows = [
    {
      label: t('championChallenger.figure.cases'),
      champion: format.count(segment.champion.cases),
      challenger: format.count(segment.challenger.cases),
      difference: '',
      test: '',
      p: '',
    },
    {
      label: t('championChallenger.figure.collected'),
      champion: money(segment.collected.champion.mean),
      challenger: money(segment.collected.challenger.mean),
      difference: money(segment.collected.difference),
      test: test(segment.collected),
      p: p(segment.collected),
    },
    ...(['keptPromises', 'complaints'] as const).map((key) => ({
      label: t(`championChallenger.figure.${key}`),
      champion: rate(segment[key].champion),
      challenger: rate(segment[key].challenger),
      difference: points(segment[key].differenceBp),
      test: test(segment[key]),
      p: p(segment[key]),
    })),
    {
      label: t('championChallenger.figure.satisfaction'),
      champion: score(segment.satisfaction.champion),
      challenger: score(segment.satisfaction.challenger),
      difference:
        segment.satisfaction.difference === null
          ? '—'
          : (segment.satisfaction.difference / 100).toLocaleString(format.locale, { minimumFractionDigits: 2 }),
      test: test(segment.satisfaction),
      p: p(segment.satisfaction),
    },
  ];
  const caption = t('championChallenger.tableCaption', { segment: segment.segmentName });
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {(['figure', 'champion', 'challenger', 'difference', 'test', 'p'] as const).map((column) => (
              <th scope="col" key={column} className={column === 'figure' || column === 'test' ? undefined : 'numeric'}>
                {t(`championChallenger.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{row.champion}</td>
              <td className="numeric">{row.challenger}</td>
              <td className="numeric">{row.difference}</td>
              <td>{row.test}</td>
              <td className="numeric">{row.p}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function LastDecision({ decision }: { decision: ExperimentDecision }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p className="muted">
      {t('championChallenger.lastDecision', {
        decision: t(`championChallenger.decision.${decision.decision}`),
        who: decision.decidedBy ?? t('championChallenger.someone'),
        when: format.dateTime(decision.decidedAt),
        note: decision.note,
      })}
    </p>
  );
}

function DecisionForm({ segment, onDecided }: { segment: Segment; onDecided: () => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<ExperimentDecision['decision']>('keep');
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const id = `cc-decision-${segment.segmentId}`;
  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const done = await submit.run(async () => {
      await decideExperiment({ segmentId: segment.segmentId, decision, note: note.trim() });
    });
    if (done) {
      setNote('');
      onDecided();
    }
  }
  return (
    <form className="decision-form" onSubmit={(event) => void send(event)} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('championChallenger.decisionHeading')}</h4>
      <fieldset>
        <legend className="visually-hidden">{t('championChallenger.decisionHeading')}</legend>
        {(['promote', 'keep', 'stop'] as const).map((choice) => (
          <div className="choice" key={choice}>
            <input
              type="radio"
              id={`${id}-${choice}`}
              name={`${id}-choice`}
              value={choice}
              checked={decision === choice}
              onChange={() => setDecision(choice)}
            />
            <label htmlFor={`${id}-${choice}`}>{t(`championChallenger.decision.${choice}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field wide">
        <label htmlFor={`${id}-note`}>{t('championChallenger.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={2000}
          required
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {t('championChallenger.decide')}
        </button>
      </div>
      <SubmitFeedback submit={submit} />
    </form>
  );
}
