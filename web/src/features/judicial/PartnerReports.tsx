import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { DataTable } from '../../ui/DataTable.js';
import { Field } from '../../ui/fields.js';
import { SectionForm } from '../../ui/SectionForm.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { applyPartnerReport, rejectPartnerReport, type ProcedureView } from './procedure-api.js';

type Report = NonNullable<ProcedureView['partnerReports']>[number];

/**
 * The reports the procedure's partner posted through the partner API and nobody decided yet: what each says (a step
 * and its day, a payment and its reference), when it came; a judicial specialist applies one (the step or payment
 * recorded as by hand; the procedure may refuse it, and then it stays here with the reason) or rejects it with a
 * reason the partner reads back.
 */
export function PartnerReports(props: { reports: Report[]; manage: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const apply = useSubmit();
  const [rejecting, setRejecting] = useState<Report | null>(null);
  const [rejected, setRejected] = useState(false);
  // What was done stays said once the last report has left the list.
  if (props.reports.length === 0)
    return rejected ? (
      <p role="status">{t('judicialProcedure.reports.rejected')}</p>
    ) : (
      <SubmitFeedback submit={apply} />
    );
  const applyOne = (report: Report) =>
    void apply
      .run(async () => {
        setRejecting(null);
        setRejected(false);
        await applyPartnerReport(report.id);
        return (t) => t('judicialProcedure.reports.applied');
      })
      .then((ok) => ok && props.onDone());
  const what = (row: Report) =>
    row.kind === 'step'
      ? labelOf(t, 'judicialProcedure.steps', row.stepKind!)
      : `${format.money(row.amountCents!, 'EUR')} · ${row.reference ?? ''}`;
  return (
    <>
      <h3 id="partner-reports-heading">{t('judicialProcedure.reports.heading')}</h3>
      <DataTable<Report>
        caption={t('judicialProcedure.reports.caption')}
        rows={props.reports}
        rowKey={(row) => row.id}
        columns={[
          {
            header: t('judicialProcedure.reports.column.kind'),
            cell: (row) => t(`judicialProcedure.reports.kinds.${row.kind}`),
          },
          {
            header: t('judicialProcedure.reports.column.what'),
            rowHeader: true,
            cell: (row) => (
              <>
                {what(row)}
                {row.note ? <span className="muted small-block">{row.note}</span> : null}
              </>
            ),
          },
          {
            header: t('judicialProcedure.reports.column.day'),
            cell: (row) => format.date((row.kind === 'step' ? row.occurredOn : row.receivedOn)!),
          },
          { header: t('judicialProcedure.reports.column.received'), cell: (row) => format.dateTime(row.receivedAt) },
          ...(props.manage
            ? [
                {
                  header: t('judicialProcedure.reports.column.actions'),
                  cell: (row: Report) => (
                    <ReportActions
                      what={what(row)}
                      busy={apply.busy}
                      onApply={() => applyOne(row)}
                      onReject={() => {
                        apply.reset();
                        setRejected(false);
                        setRejecting(row);
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <SubmitFeedback submit={apply} />
      {rejected ? <p role="status">{t('judicialProcedure.reports.rejected')}</p> : null}
      {rejecting ? (
        <RejectForm
          key={rejecting.id}
          report={rejecting}
          what={what(rejecting)}
          onDone={() => {
            setRejecting(null);
            setRejected(true);
            props.onDone();
          }}
        />
      ) : null}
    </>
  );
}

function ReportActions(props: { what: string; busy: boolean; onApply: () => void; onReject: () => void }) {
  const { t } = useTranslation();
  return (
    <span className="actions">
      <button
        type="button"
        className="button primary small"
        disabled={props.busy}
        aria-label={t('judicialProcedure.reports.applyLabel', { what: props.what })}
        onClick={props.onApply}
      >
        {t('judicialProcedure.reports.apply')}
      </button>{' '}
      <button
        type="button"
        className="button secondary small"
        aria-label={t('judicialProcedure.reports.rejectLabel', { what: props.what })}
        onClick={props.onReject}
      >
        {t('judicialProcedure.reports.reject')}
      </button>
    </span>
  );
}

function RejectForm(props: { report: Report; what: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const send = () =>
    void submit
      .run(async () => {
        await rejectPartnerReport(props.report.id, reason.trim());
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id="partner-report-reject"
      heading={t('judicialProcedure.reports.rejectHeading', { what: props.what })}
      submitLabel={t('judicialProcedure.reports.rejectSubmit')}
      submit={submit}
      onSubmit={send}
    >
      <Field
        id="partner-report-reason"
        label={t('judicialProcedure.reports.reason')}
        hint={t('judicialProcedure.reports.reasonHint')}
        wide
      >
        {(control) => (
          <textarea
            {...control}
            required
            minLength={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
    </SectionForm>
  );
}
