import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { getLegalFigures, type DeadlineRuleView, type FeeTableView, type LegalFigures } from './api.js';
import { DeadlineRuleForm } from './DeadlineRuleForm.js';
import { FeeTableForm } from './FeeTableForm.js';

const PROCEDURES = ['overindebtedness', 'judicial'] as const;

/** A source as the page shows it: the citation, without the editors' note of what to confirm (the status says it). */
const citation = (source: string) => source.replace(/\s*\[CHECK[^\]]*\]/g, '');

/** The translation key of a deadline's name: each procedure's pages name their deadlines already. */
export const deadlineNameKey = (procedure: DeadlineRuleView['procedure'], deadline: string) =>
  procedure === 'judicial' ? `judicialProcedure.deadlines.${deadline}` : `overindebtedness.deadlineNames.${deadline}`;

/**
 * The specialist procedures' figures of law on the reference data page: every deadline with its length, whether it
 * moves off a closed day, its status and source, each row from its day; the commissaire's proportional fee. A
 * compliance officer or an administrator adds a figure from a day (the [CHECK] ones are there to be confirmed).
 */
export function LegalFiguresSection() {
  const { t } = useTranslation();
  const data = useApiData((signal) => getLegalFigures(signal), 'legal-figures');
  return (
    <section className="card" aria-labelledby="legal-figures-heading">
      <h2 id="legal-figures-heading">{t('legalFigures.heading')}</h2>
      <p>{t('legalFigures.intro')}</p>
      <AsyncContent data={data} onRetry={data.reload}>
        {(found) => <LegalFiguresView initial={found} />}
      </AsyncContent>
    </section>
  );
}

function LegalFiguresView({ initial }: { initial: LegalFigures }) {
  const [figures, setFigures] = useState(initial);
  // Read again after an addition, in place: the form and what it said stay on screen.
  const onAdded = () => void getLegalFigures().then(setFigures, () => undefined);
  const { t } = useTranslation();
  const me = useMe();
  const [adding, setAdding] = useState<'deadline' | 'fee' | null>(null);
  const mayManage = can(me.role, 'legal_figures.manage');
  // The button is back once its form is gone: the focus returns to it.
  const close = (button: string) => () => {
    setAdding(null);
    setTimeout(() => document.getElementById(button)?.focus());
  };
  return (
    <>
      {PROCEDURES.map((procedure) => (
        <DeadlinesTable
          key={procedure}
          procedure={procedure}
          rows={figures.deadlines.filter((row) => row.procedure === procedure)}
          today={figures.today}
        />
      ))}
      <FeeTables tables={figures.feeTables} />
      {!mayManage ? (
        <p className="muted">{t('legalFigures.readOnly')}</p>
      ) : adding === 'deadline' ? (
        <DeadlineRuleForm figures={figures} onClose={close('legal-figures-add')} onAdded={onAdded} />
      ) : adding === 'fee' ? (
        <FeeTableForm figures={figures} onClose={close('legal-figures-add-fee')} onAdded={onAdded} />
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="button secondary"
            id="legal-figures-add"
            onClick={() => setAdding('deadline')}
          >
            {t('legalFigures.add')}
          </button>
          <button
            type="button"
            className="button secondary"
            id="legal-figures-add-fee"
            onClick={() => setAdding('fee')}
          >
            {t('legalFigures.addFee')}
          </button>
        </div>
      )}
    </>
  );
}

function TagBadge({ tag }: { tag: DeadlineRuleView['tag'] }) {
  const { t } = useTranslation();
  // The reference data's own colours: a figure of law, one to confirm; the agency's choice is shown as provisional.
  const style = tag === 'choice' ? 'placeholder' : tag;
  return <span className={`badge figure-${style}`}>{t(`legalFigures.tags.${tag}`)}</span>;
}

function DeadlinesTable({
  procedure,
  rows,
  today,
}: {
  procedure: DeadlineRuleView['procedure'];
  rows: DeadlineRuleView[];
  today: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const caption = t(`legalFigures.procedures.${procedure}`);
  return (
    <>
      <h3>{caption}</h3>
      <TableScroll label={caption}>
        <table className="reference-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('legalFigures.columns.deadline')}</th>
              <th scope="col" className="number">
                {t('legalFigures.columns.length')}
              </th>
              <th scope="col">{t('legalFigures.columns.moves')}</th>
              <th scope="col">{t('legalFigures.columns.validFrom')}</th>
              <th scope="col">{t('referenceData.statusColumn')}</th>
              <th scope="col">{t('referenceData.sourceColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.deadline}@${row.validFrom}`}>
                <th scope="row">{t(deadlineNameKey(procedure, row.deadline))}</th>
                <td className="number">{t(`legalFigures.length.${row.unit}`, { count: row.amount })}</td>
                <td>{row.movesToWorkingDay ? t('legalFigures.moves') : t('legalFigures.stays')}</td>
                <td>
                  {format.date(row.validFrom)}
                  {row.inForce ? null : (
                    <span className="cell-detail">
                      {row.validFrom > today ? t('legalFigures.upcoming') : t('legalFigures.replaced')}
                    </span>
                  )}
                </td>
                <td>
                  <TagBadge tag={row.tag} />
                </td>
                <td className="rule-source">{citation(row.source)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function FeeTables({ tables }: { tables: FeeTableView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const caption = t('legalFigures.fee.heading');
  return (
    <>
      <h3>{caption}</h3>
      <p>{t('legalFigures.fee.intro')}</p>
      {tables.map((table) => (
        <div key={table.validFrom}>
          <p>
            {t('legalFigures.fee.from', { date: format.date(table.validFrom) })} <TagBadge tag={table.tag} />{' '}
            {table.inForce ? t('legalFigures.inForce') : null}
          </p>
          <TableScroll label={caption}>
            <table className="reference-table">
              <caption className="visually-hidden">
                {caption} — {format.date(table.validFrom)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('legalFigures.fee.band')}</th>
                  <th scope="col" className="number">
                    {t('legalFigures.fee.rate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {table.bands.map((band, index) => {
                  const lower = index === 0 ? 0 : (table.bands[index - 1]!.uptoCents ?? 0);
                  return (
                    <tr key={index}>
                      <th scope="row">
                        {band.uptoCents === null
                          ? t('legalFigures.fee.above', { from: format.money(lower) })
                          : t('legalFigures.fee.between', {
                              from: format.money(lower),
                              to: format.money(band.uptoCents),
                            })}
                      </th>
                      <td className="number">{format.percentFromBasisPoints(band.rateBp)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <p>
            {t('legalFigures.fee.bounds', {
              floor: format.money(table.floorCents),
              upto: format.money(table.floorUptoCents),
              cap: format.money(table.capCents),
            })}
          </p>
          <p className="rule-source">{citation(table.source)}</p>
        </div>
      ))}
    </>
  );
}
