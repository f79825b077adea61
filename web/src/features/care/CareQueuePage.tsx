import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CARE_QUEUE_KINDS } from '../../../../src/care/contract.js';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { Field } from '../../ui/fields.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getCareQueue, type CareQueueItem, type CareQueueKind } from './api.js';

/** The first items the page shows; the counts say how many wait of each kind. */
const PAGE_SIZE = 100;

/**
 * The care team's queue: new vulnerabilities no care specialist has contacted yet, reviews due or due within a week,
 * signals to confirm or dismiss, referrals to follow up; by the day each is due, each row a link to the case.
 */
export function CareQueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('care.queueTitle'));
  const [kind, setKind] = useState<CareQueueKind | ''>('');
  const list = useApiData((signal) => getCareQueue(kind, 0, PAGE_SIZE, signal), `care-queue-${kind}`);
  return (
    <>
      <h1>{t('care.queueTitle')}</h1>
      <p className="muted">{t('care.queueIntro')}</p>
      <AsyncContent data={list} onRetry={list.reload}>
        {(found) => {
          const all = Object.values(found.counts).reduce((sum, count) => sum + count, 0);
          return (
            <>
              <div className="grid-form">
                <Field id="care-queue-kind" label={t('care.filter')}>
                  {(control) => (
                    <select {...control} value={kind} onChange={(e) => setKind(e.target.value as CareQueueKind | '')}>
                      <option value="">{t('care.allKinds', { count: all })}</option>
                      {CARE_QUEUE_KINDS.map((each) => (
                        <option key={each} value={each}>
                          {t('care.kindCount', { label: labelOf(t, 'care.kinds', each), count: found.counts[each] })}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              {found.items.length === 0 ? (
                <p>{t('care.queueEmpty')}</p>
              ) : (
                <DataTable<CareQueueItem>
                  caption={t('care.queueTitle')}
                  rows={found.items}
                  rowKey={(row) => `${row.kind}-${row.itemId}`}
                  columns={[
                    {
                      header: t('care.columns.debtor'),
                      rowHeader: true,
                      cell: (row) =>
                        row.caseId ? <Link to={`/cases/${row.caseId}`}>{row.debtorName}</Link> : row.debtorName,
                    },
                    { header: t('care.columns.case'), cell: (row) => row.caseReference ?? t('common.none') },
                    { header: t('care.columns.kind'), cell: (row) => labelOf(t, 'care.kinds', row.kind) },
                    { header: t('care.columns.dueOn'), cell: (row) => format.date(row.dueOn) },
                  ]}
                />
              )}
            </>
          );
        }}
      </AsyncContent>
    </>
  );
}
