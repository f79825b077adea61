import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { getCaseTimeBars, type CaseTimeBarsView } from './api.js';
import { useLiveData } from '../../api/useLiveData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable, type Column } from '../../ui/DataTable.js';
import { useFormat, type Formatters } from '../../i18n/format.js';

type ClaimBar = CaseTimeBarsView['claims'][number];

/** The time bar of a case's open claims: what it means now, then each claim's rule, start, interruptions, last day. */
export function TimeBarSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bars = useLiveData((signal) => getCaseTimeBars(caseId, signal), caseId);
  return (
    <section className="card" aria-labelledby="time-bar-heading">
      <h2 id="time-bar-heading">{t('timeBars.heading')}</h2>
      <AsyncContent data={bars} onRetry={bars.reload}>
        {(found) =>
          found.claims.length === 0 || found.status === null || found.lastDay === null ? (
            <p>{t('timeBars.none')}</p>
          ) : (
            <>
              <p className={found.status === 'running' ? undefined : 'warning'} data-time-bar={found.status}>
                {t(`timeBars.summary.${found.status}`, {
                  date: format.date(
                    found.status === 'time_barred'
                      ? (found.claims.find((c) => c.status === 'time_barred')?.barredFrom ?? found.lastDay)
                      : found.lastDay,
                  ),
                })}
              </p>
              <DataTable
                caption={t('timeBars.caption')}
                columns={columns(t, format)}
                rows={found.claims}
                rowKey={(row) => row.claimId}
              />
            </>
          )
        }
      </AsyncContent>
    </section>
  );
}

function interruptionsText(t: TFunction, format: Formatters, claim: ClaimBar): string {
  if (claim.interruptions.length === 0) return t('timeBars.noInterruption');
  return claim.interruptions
    .map((i) => {
      const text = t('timeBars.interruption', { kind: t(`timeBars.kinds.${i.kind}`), date: format.date(i.on) });
      if (i.effect === 'after_bar') return `${text} (${t('timeBars.afterBar')})`;
      if (i.effect === 'before_start') return `${text} (${t('timeBars.beforeStart')})`;
      return text;
    })
    .join(' ; ');
}

function columns(t: TFunction, format: Formatters): Column<ClaimBar>[] {
  return [
    { header: t('timeBars.column.claim'), cell: (c) => c.reference, rowHeader: true },
    {
      header: t('timeBars.column.rule'),
      cell: (c) =>
        t('timeBars.rule', { years: c.rule.years, source: c.rule.source }) +
        (c.rule.tag === 'check' ? ` (${t('timeBars.check')})` : ''),
    },
    { header: t('timeBars.column.start'), cell: (c) => format.date(c.startOn) },
    { header: t('timeBars.column.interruptions'), cell: (c) => interruptionsText(t, format, c) },
    {
      header: t('timeBars.column.lastDay'),
      cell: (c) => (
        <span className={c.status === 'running' ? undefined : 'badge warning'}>{format.date(c.lastDay)}</span>
      ),
    },
  ];
}
