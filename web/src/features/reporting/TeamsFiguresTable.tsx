import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { TableScroll } from '../../ui/TableScroll.js';
import type { TeamFigures, TeamsReportLine } from './api.js';

/**
 * The period's figures per team or agent: the quality of the calls and what debtors said come first, each with its
 * sample size and a "small sample" marker in words (never a colour alone), then the work, then the money.
 */
export function FiguresTable({
  lines,
  caption,
  withTeam,
}: {
  lines: TeamsReportLine[];
  caption: string;
  withTeam: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const numeric = ['calls', 'conversations', 'conversationRate', 'promises', 'plans', 'collected'] as const;
  return (
    <TableScroll label={caption}>
      <table className="teams-figures wrapping-headers">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('teamsReport.column.name')}</th>
            {withTeam ? <th scope="col">{t('teamsReport.column.team')}</th> : null}
            <th scope="col">{t('teamsReport.column.quality')}</th>
            <th scope="col">{t('teamsReport.column.csat')}</th>
            {numeric.map((column) => (
              <th scope="col" className="numeric" key={column}>
                {t(`teamsReport.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id}>
              <th scope="row">{line.name || t('teamsReport.noTeam')}</th>
              {withTeam ? <td>{line.teamName ?? t('teamsReport.noTeam')}</td> : null}
              <td>
                <Quality figures={line.total} />
              </td>
              <td>
                <Satisfaction figures={line.total} />
              </td>
              <td className="numeric">{format.count(line.total.calls)}</td>
              <td className="numeric">{format.count(line.total.conversations)}</td>
              <td className="numeric">
                {line.total.conversationRateBp === null
                  ? '—'
                  : format.percentFromBasisPoints(line.total.conversationRateBp)}
              </td>
              <td className="numeric">{format.count(line.total.promises)}</td>
              <td className="numeric">{format.count(line.total.plans)}</td>
              <td className="numeric">{format.money(line.total.collectedCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Quality({ figures }: { figures: TeamFigures }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (figures.meanScoreBp === null) return <span className="muted">{t('teamsReport.noReview')}</span>;
  return (
    <>
      <strong>{format.percentFromBasisPoints(figures.meanScoreBp)}</strong>{' '}
      <span className="muted">
        ({t('teamsReport.reviews', { count: figures.reviews })}
        {figures.fewReviews ? <>, {t('teamsReport.smallSample')}</> : null})
      </span>
    </>
  );
}

function Satisfaction({ figures }: { figures: TeamFigures }) {
  const { t } = useTranslation();
  const format = useFormat();
  const csat = figures.csat;
  if (csat.status === 'too_few')
    return (
      <span className="muted">
        {t('teamsReport.tooFew')} ({t('teamsReport.answers', { count: csat.answers })})
      </span>
    );
  return (
    <>
      <strong>{format.percentFromBasisPoints(Math.round(csat.percent * 100))}</strong>{' '}
      <span className="muted">({t('teamsReport.answers', { count: csat.answers })})</span>
    </>
  );
}
