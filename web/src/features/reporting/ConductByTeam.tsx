import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { TableScroll } from '../../ui/TableScroll.js';
import type { ConductReport } from './conduct-api.js';
import { useMean, useShown } from './ConductSections.js';

/**
 * The contacts against the caps per team of the cases (managers, compliance officers; a team leader their own team):
 * case-weeks, attempts and their mean beside the weekly cap, the weeks above a cap (which must read 0), and the
 * attempts the policy refused with their rules.
 */
export function TeamsSection({ report }: { report: ConductReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mean = useMean();
  const shown = useShown(report.smallestCell);
  const numeric = ['caseWeeks', 'attempts', 'mean', 'cap', 'overCap', 'refused'] as const;
  return (
    <section aria-labelledby="conduct-teams">
      <h2 id="conduct-teams">{t('conductReport.byTeam.heading')}</h2>
      <p>{t('conductReport.byTeam.intro')}</p>
      <TableScroll label={t('conductReport.byTeam.caption')}>
        <table className="wrapping-headers">
          <caption className="visually-hidden">{t('conductReport.byTeam.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conductReport.byTeam.team')}</th>
              {numeric.map((column) => (
                <th scope="col" className="numeric" key={column}>
                  {t(`conductReport.byTeam.${column}`)}
                </th>
              ))}
              <th scope="col">{t('conductReport.byTeam.byRule')}</th>
            </tr>
          </thead>
          <tbody>
            {report.byTeam.map((row) => (
              <tr key={row.teamId ?? 'none'}>
                <th scope="row">{row.teamName ?? t('conductReport.byTeam.noTeam')}</th>
                <td className="numeric">{format.count(row.caseWeeks)}</td>
                <td className="numeric">{format.count(row.attempts)}</td>
                <td className="numeric">{mean(row.perCaseWeekHundredths)}</td>
                <td className="numeric">{row.capPerWeek ?? t('conductReport.contacts.noCap')}</td>
                <td className="numeric">{format.count(row.overCapCaseWeeks)}</td>
                <td className="numeric">{format.count(row.refused)}</td>
                <td>
                  {row.byRule.length === 0 ? (
                    t('conductReport.none')
                  ) : (
                    <ul className="plain-list">
                      {row.byRule.map((rule) => (
                        <li key={rule.rule}>
                          <code>{rule.rule}</code> {shown(rule.refusals)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">{t('conductReport.byTeam.hint', { n: report.smallestCell })}</p>
    </section>
  );
}
