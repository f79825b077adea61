import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listTeamQueues, type SegmentControl, type SegmentStats, type TeamQueue } from './api.js';
import { useApiData } from '../../../api/useApiData.js';
import { AsyncContent } from '../../../ui/AsyncContent.js';
import { TableScroll } from '../../../ui/TableScroll.js';
import { usePageTitle } from '../../../ui/usePageTitle.js';
import { YesNo } from '../../../ui/YesNo.js';
import { ExportButtons } from '../../../ui/ExportButtons.js';
import { useFormat } from '../../../i18n/format.js';
import { labelOf, RECORD_TEXT_LANG } from '../../../i18n/labels.js';
import { SegmentControlForm, signed } from './SegmentControlForm.js';

/** The segment whose setting form is open, in which team's section. */
interface Adjusting {
  teamId: string;
  segmentId: string;
}

const adjustButtonId = (teamId: string, segmentId: string) => `adjust-${teamId}-${segmentId}`;

/**
 * "Files de l'équipe": for team leaders and managers, each team's queue by segment (with the controls to pause a
 * segment or boost its priority), the agents' activity today and the open follow-up tasks.
 */
export function TeamQueuesPage() {
  const { t } = useTranslation();
  const data = useApiData((signal) => listTeamQueues(signal), 'team-queues');
  // After a change the queues are fetched again in the background, so the tables (and the focus) stay in place.
  const [fresh, setFresh] = useState<TeamQueue[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  usePageTitle(t('supervision.teamQueues.title'));
  return (
    <>
      <h1>{t('supervision.teamQueues.title')}</h1>
      <p className="muted">{t('supervision.teamQueues.intro')}</p>
      <ExportButtons path="/api/v1/team-queues/export" what={t('exports.lists.queues')} />
      <div role="status" className="status-area" id="team-queues-status">
        {announcement ? <p className="success">{announcement}</p> : null}
      </div>
      <AsyncContent data={data} onRetry={data.reload}>
        {(found) => (
          <Teams
            teams={fresh ?? found.items}
            onChanged={(message, patched) => {
              setAnnouncement(message);
              setFresh(patched);
              listTeamQueues().then(
                (next) => setFresh(next.items),
                () => undefined, // The patched figures stay; the next visit shows the server's.
              );
            }}
          />
        )}
      </AsyncContent>
    </>
  );
}

function Teams({
  teams,
  onChanged,
}: {
  teams: TeamQueue[];
  onChanged: (message: string, patched: TeamQueue[]) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [adjusting, setAdjusting] = useState<Adjusting | null>(null);

  function close(target: Adjusting) {
    setAdjusting(null);
    requestAnimationFrame(() => document.getElementById(adjustButtonId(target.teamId, target.segmentId))?.focus());
  }

  function saved(target: Adjusting, control: SegmentControl, name: string) {
    const patched = teams.map((queue) => ({
      ...queue,
      segments: queue.segments.map((row) =>
        row.segmentId === control.segmentId
          ? { ...row, paused: control.paused, priorityBoost: control.priorityBoost }
          : row,
      ),
    }));
    const boost = signed(control.priorityBoost, format.count);
    onChanged(
      control.paused
        ? t('supervision.teamQueues.control.donePaused', { segment: name, boost })
        : t('supervision.teamQueues.control.doneActive', { segment: name, boost }),
      patched,
    );
    close(target);
  }

  if (teams.length === 0) return <p>{t('supervision.teamQueues.none')}</p>;
  return (
    <>
      {teams.map((queue) => (
        <TeamSection
          key={queue.team.id}
          queue={queue}
          adjusting={adjusting?.teamId === queue.team.id ? adjusting.segmentId : null}
          onAdjust={(segmentId) => setAdjusting({ teamId: queue.team.id, segmentId })}
          onCancel={(segmentId) => close({ teamId: queue.team.id, segmentId })}
          onSaved={(segmentId, control, name) => saved({ teamId: queue.team.id, segmentId }, control, name)}
        />
      ))}
    </>
  );
}

/** Champion and challenger rows of one segment side by side, segments in the order the server gives them. */
function groupedRows(segments: SegmentStats[]): SegmentStats[] {
  const order: string[] = [];
  for (const row of segments) if (!order.includes(row.segmentId)) order.push(row.segmentId);
  const armRank = (row: SegmentStats) => (row.arm === 'champion' ? 0 : 1);
  return [...segments].sort(
    (a, b) => order.indexOf(a.segmentId) - order.indexOf(b.segmentId) || armRank(a) - armRank(b),
  );
}

function TeamSection({
  queue,
  adjusting,
  onAdjust,
  onCancel,
  onSaved,
}: {
  queue: TeamQueue;
  adjusting: string | null;
  onAdjust: (segmentId: string) => void;
  onCancel: (segmentId: string) => void;
  onSaved: (segmentId: string, control: SegmentControl, name: string) => void;
}) {
  const { t } = useTranslation();
  const { team } = queue;
  const headingId = `team-${team.id}-heading`;
  const rows = groupedRows(queue.segments);
  const open = adjusting ? rows.find((row) => row.segmentId === adjusting) : undefined;
  return (
    <section className="card team-queue" aria-labelledby={headingId} data-team={team.name}>
      <h2 id={headingId}>
        {team.name}{' '}
        <span className="heading-sub">
          {t('supervision.teamQueues.teamKind', { kind: labelOf(t, 'supervision.strategies.teamKinds', team.kind) })}
        </span>
      </h2>
      <p className="team-tasks">
        <strong>{t('supervision.teamQueues.openTasks', { count: queue.openTasks })}</strong>
      </p>

      <h3>{t('supervision.teamQueues.segments')}</h3>
      <SegmentsTable team={team} rows={rows} adjusting={adjusting} onAdjust={onAdjust} onCancel={onCancel} />
      {open ? (
        <SegmentControlForm
          key={open.segmentId}
          segment={open}
          idPrefix={`control-${team.id}`}
          onCancel={() => onCancel(open.segmentId)}
          onSaved={(control) => onSaved(open.segmentId, control, open.name)}
        />
      ) : null}

      <AgentsSection queue={queue} />
    </section>
  );
}

/** What each agent of the team is on now, and their calls, conversations and promises today. */
function AgentsSection({ queue }: { queue: TeamQueue }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { team } = queue;
  return (
    <>
      <h3>{t('supervision.teamQueues.agents')}</h3>
      {queue.agents.length === 0 ? (
        <p>{t('supervision.teamQueues.noAgents')}</p>
      ) : (
        <TableScroll label={t('supervision.teamQueues.agentsCaption', { team: team.name })}>
          <table className="agents-table">
            <caption className="visually-hidden">
              {t('supervision.teamQueues.agentsCaption', { team: team.name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('supervision.teamQueues.columns.agent')}</th>
                <th scope="col">{t('supervision.teamQueues.columns.current')}</th>
                <th scope="col" className="number">
                  {t('supervision.teamQueues.columns.calls')}
                </th>
                <th scope="col" className="number">
                  {t('supervision.teamQueues.columns.conversations')}
                </th>
                <th scope="col" className="number">
                  {t('supervision.teamQueues.columns.promises')}
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.agents.map((agent) => (
                <tr key={agent.id}>
                  <th scope="row" className="plain">
                    {agent.name}
                  </th>
                  <td>
                    {agent.current ? (
                      <>
                        <Link to={`/cases/${agent.current.caseId}`}>{agent.current.reference}</Link>{' '}
                        <span className="muted">
                          {t('supervision.teamQueues.since', {
                            time: format.instantTime(new Date(agent.current.since)),
                          })}
                        </span>
                      </>
                    ) : (
                      t('supervision.teamQueues.noCurrent')
                    )}
                  </td>
                  <td className="number">{format.count(agent.callsToday)}</td>
                  <td className="number">{format.count(agent.conversationsToday)}</td>
                  <td className="number">{format.count(agent.promisesToday)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

/** The team's segments (champion and challenger side by side) with the button that opens a segment's settings. */
function SegmentsTable({
  team,
  rows,
  adjusting,
  onAdjust,
  onCancel,
}: {
  team: TeamQueue['team'];
  rows: SegmentStats[];
  adjusting: string | null;
  onAdjust: (segmentId: string) => void;
  onCancel: (segmentId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return rows.length === 0 ? (
    <p>{t('supervision.teamQueues.noSegments')}</p>
  ) : (
    <TableScroll label={t('supervision.teamQueues.segmentsCaption', { team: team.name })}>
      <table className="segments-table">
        <caption className="visually-hidden">
          {t('supervision.teamQueues.segmentsCaption', { team: team.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('supervision.teamQueues.columns.segment')}</th>
            <th scope="col">{t('supervision.teamQueues.columns.arm')}</th>
            <th scope="col" className="number">
              {t('supervision.teamQueues.columns.cases')}
            </th>
            <th scope="col" className="number">
              {t('supervision.teamQueues.columns.callableNow')}
            </th>
            <th scope="col" className="number">
              {t('supervision.teamQueues.columns.leased')}
            </th>
            <th scope="col">{t('supervision.teamQueues.columns.paused')}</th>
            <th scope="col" className="number">
              {t('supervision.teamQueues.columns.boost')}
            </th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const firstOfSegment = rows.findIndex((other) => other.segmentId === row.segmentId) === index;
            return (
              <tr
                key={`${row.segmentId}:${row.arm}`}
                data-segment={row.segmentId}
                data-arm={row.arm}
                className={row.paused ? 'row-muted' : undefined}
              >
                <th scope="row" className="plain" lang={RECORD_TEXT_LANG}>
                  {row.name}
                </th>
                <td>{labelOf(t, 'supervision.teamQueues.arms', row.arm)}</td>
                <td className="number">{format.count(row.cases)}</td>
                <td className="number">{format.count(row.callableNow)}</td>
                <td className="number">{format.count(row.leased)}</td>
                <td>
                  <YesNo value={row.paused} />
                </td>
                <td className="number">{signed(row.priorityBoost, format.count)}</td>
                <td>
                  {firstOfSegment ? (
                    <button
                      type="button"
                      id={adjustButtonId(team.id, row.segmentId)}
                      className="button secondary small"
                      aria-label={t('supervision.teamQueues.adjustLabel', { segment: row.name, team: team.name })}
                      aria-expanded={adjusting === row.segmentId}
                      onClick={() => (adjusting === row.segmentId ? onCancel(row.segmentId) : onAdjust(row.segmentId))}
                    >
                      {t('supervision.teamQueues.adjust')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
