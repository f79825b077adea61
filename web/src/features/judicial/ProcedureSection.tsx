import { useTranslation } from 'react-i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { Facts } from '../../ui/Facts.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { getCaseProcedure, type ProcedureView } from './procedure-api.js';
import { CostForm, OpenProcedureForm, PartnerPaymentForm, StepForm } from './ProcedureForms.js';
import { PartnerReports } from './PartnerReports.js';

type Step = NonNullable<ProcedureView['steps']>[number];
type Translate = ReturnType<typeof useTranslation>['t'];
type Format = ReturnType<typeof useFormat>;

/** The case's procedure, loaded once for its page (null when not shown): its section and the key facts read it. */
export function useCaseProcedure(caseId: string, shown: boolean) {
  return useLiveData(
    (signal) => (shown ? getCaseProcedure(caseId, signal) : Promise.resolve(null)),
    `${caseId}:${String(shown)}`,
  );
}
export type LoadedProcedure = ReturnType<typeof useCaseProcedure>;

/**
 * What comes next on a case at the judicial stage, in words for its key facts: the procedure's next action and its
 * day, opening the procedure when none runs, nothing once it ended. Null until the procedure is loaded.
 */
export function procedureNextText(loaded: LoadedProcedure, t: Translate, format: Format): string | null {
  if (loaded.status !== 'ready' || loaded.data === null) return null;
  const { procedure } = loaded.data;
  if (!procedure) return labelOf(t, 'judicialProcedure.next', 'open_procedure');
  if (!procedure.next) return t('caseOverview.nothingPlanned');
  return `${labelOf(t, 'judicialProcedure.next', procedure.next.action)} · ${format.date(procedure.next.dueOn)}`;
}
type Cost = NonNullable<ProcedureView['costs']>[number];

/**
 * A case's judicial procedure on the case page (REGULATION §11): its route and state, the deadlines running, the next
 * action, which collection acts it permits today, its steps and costs; a judicial specialist opens it and records
 * its steps, costs and the payments the partner collected, and applies or rejects the reports the partner posted
 * through the partner API. A creditor user reads the state only.
 */
export function ProcedureSection(props: {
  caseId: string;
  caseOpen: boolean;
  procedure: LoadedProcedure;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const manage = can(me.role, 'judicial_procedures.manage');
  const { procedure } = props;
  const changed = () => {
    procedure.reload();
    props.onChanged();
  };
  return (
    <section className="card" aria-labelledby="procedure-heading">
      <h2 id="procedure-heading">{t('judicialProcedure.heading')}</h2>
      {me.role === 'creditor_user' ? <p className="hint">{t('judicialProcedure.creditorIntro')}</p> : null}
      {me.role === 'judicial_specialist' ? <p className="hint">{t('judicialProcedure.specialistIntro')}</p> : null}
      <AsyncContent data={procedure} onRetry={procedure.reload}>
        {(found) =>
          found === null ? null : found.procedure ? (
            <>
              <ProcedureFacts procedure={found.procedure} />
              {found.procedure.partnerReports ? (
                <PartnerReports reports={found.procedure.partnerReports} manage={manage} onDone={changed} />
              ) : null}
              <DeadlinesTable procedure={found.procedure} />
              {found.procedure.steps ? <StepsTable steps={found.procedure.steps} /> : null}
              {found.procedure.costs ? <CostsTable procedure={found.procedure} /> : null}
              {manage && found.procedure.state !== 'ended' ? (
                <>
                  <StepForm caseId={props.caseId} procedure={found.procedure} onDone={changed} />
                  <CostForm caseId={props.caseId} onDone={changed} />
                  <PartnerPaymentForm caseId={props.caseId} onDone={changed} />
                </>
              ) : null}
            </>
          ) : (
            <>
              <p>{t('judicialProcedure.none')}</p>
              {manage && props.caseOpen ? (
                <OpenProcedureForm caseId={props.caseId} reviewRoute={found.reviewRoute} onDone={changed} />
              ) : null}
            </>
          )
        }
      </AsyncContent>
    </section>
  );
}

function ProcedureFacts({ procedure }: { procedure: ProcedureView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const acts = [
    procedure.collection.amicable_contact ? t('judicialProcedure.facts.amicable') : null,
    procedure.collection.payment_request ? t('judicialProcedure.facts.request') : null,
    procedure.collection.enforcement ? t('judicialProcedure.facts.enforcement') : null,
  ].filter(Boolean);
  return (
    <Facts
      items={[
        { label: t('judicialProcedure.facts.route'), value: labelOf(t, 'judicialProcedure.routes', procedure.route) },
        {
          label: t('judicialProcedure.facts.state'),
          value: <strong>{labelOf(t, 'judicialProcedure.states', procedure.state)}</strong>,
        },
        { label: t('judicialProcedure.facts.since'), value: format.date(procedure.stateSince) },
        ...(procedure.next
          ? [
              {
                label: t('judicialProcedure.facts.next'),
                value: (
                  <strong data-testid="procedure-next">
                    {labelOf(t, 'judicialProcedure.next', procedure.next.action)} · {format.date(procedure.next.dueOn)}
                  </strong>
                ),
              },
            ]
          : []),
        ...(procedure.outcome
          ? [
              {
                label: t('judicialProcedure.facts.outcome'),
                value: labelOf(t, 'judicialProcedure.outcomes', procedure.outcome),
              },
            ]
          : []),
        ...(procedure.titleObtainedOn && procedure.titleExpiresOn
          ? [
              {
                label: t('judicialProcedure.facts.title'),
                value: t('judicialProcedure.facts.titleValue', {
                  obtained: format.date(procedure.titleObtainedOn),
                  expires: format.date(procedure.titleExpiresOn),
                }),
              },
            ]
          : []),
        ...(procedure.fileNotBefore
          ? [{ label: t('judicialProcedure.facts.fileNotBefore'), value: format.date(procedure.fileNotBefore) }]
          : []),
        ...(procedure.servedInPerson === null
          ? []
          : [
              {
                label: t('judicialProcedure.facts.service'),
                value: procedure.servedInPerson
                  ? labelOf(t, 'judicialProcedure.services', 'in_person')
                  : t('judicialProcedure.facts.notInPerson'),
              },
            ]),
        ...(procedure.partnerName
          ? [{ label: t('judicialProcedure.facts.partner'), value: procedure.partnerName }]
          : []),
        {
          label: t('judicialProcedure.facts.collection'),
          value: acts.length > 0 ? acts.join(', ') : t('judicialProcedure.facts.stayed'),
        },
      ]}
    />
  );
}

function DeadlinesTable({ procedure }: { procedure: ProcedureView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (procedure.deadlines.length === 0) return null;
  return (
    <DataTable<ProcedureView['deadlines'][number]>
      caption={t('judicialProcedure.deadlinesCaption')}
      rows={procedure.deadlines}
      rowKey={(row) => row.kind}
      columns={[
        {
          header: t('judicialProcedure.deadlineColumn.kind'),
          rowHeader: true,
          cell: (row) => labelOf(t, 'judicialProcedure.deadlines', row.kind),
        },
        { header: t('judicialProcedure.deadlineColumn.on'), cell: (row) => format.date(row.on) },
      ]}
    />
  );
}

function StepsTable({ steps }: { steps: Step[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <h3>{t('judicialProcedure.stepsHeading')}</h3>
      <DataTable<Step>
        caption={t('judicialProcedure.stepsCaption')}
        rows={steps}
        rowKey={(row) => row.id}
        columns={[
          { header: t('judicialProcedure.stepColumn.on'), cell: (row) => format.date(row.occurredOn) },
          {
            header: t('judicialProcedure.stepColumn.step'),
            rowHeader: true,
            cell: (row) => labelOf(t, 'judicialProcedure.steps', row.kind),
          },
          {
            header: t('judicialProcedure.stepColumn.by'),
            cell: (row) => labelOf(t, 'judicialProcedure.reporters', row.reportedBy),
          },
          { header: t('judicialProcedure.stepColumn.note'), cell: (row) => row.note || t('common.none') },
        ]}
      />
    </>
  );
}

function CostsTable({ procedure }: { procedure: ProcedureView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const costs = procedure.costs ?? [];
  return (
    <>
      <h3>{t('judicialProcedure.costsHeading')}</h3>
      {costs.length === 0 ? (
        <p>{t('judicialProcedure.noCosts')}</p>
      ) : (
        <>
          <DataTable<Cost>
            caption={t('judicialProcedure.costsCaption')}
            rows={costs}
            rowKey={(row) => row.id}
            columns={[
              { header: t('judicialProcedure.costColumn.on'), cell: (row) => format.date(row.incurredOn) },
              {
                header: t('judicialProcedure.costColumn.kind'),
                rowHeader: true,
                cell: (row) => labelOf(t, 'judicialProcedure.costKinds', row.kind),
              },
              { header: t('judicialProcedure.costColumn.basis'), cell: (row) => row.legalBasis },
              {
                header: t('judicialProcedure.costColumn.chargeable'),
                cell: (row) => (
                  <>
                    {labelOf(t, 'judicialProcedure.chargeable', row.chargeableTo)}
                    {row.claimReference ? (
                      <span className="muted small-block">
                        {t('judicialProcedure.costInBalance', { claim: row.claimReference })}
                      </span>
                    ) : row.paymentId ? (
                      <span className="muted small-block">{t('judicialProcedure.costOnPayment')}</span>
                    ) : null}
                  </>
                ),
              },
              {
                header: t('judicialProcedure.costColumn.amount'),
                className: 'number',
                cell: (row) => format.money(row.amountCents, 'EUR'),
              },
            ]}
          />
          {procedure.costTotals ? (
            <p className="muted">
              {t('judicialProcedure.costTotals', {
                debtor: format.money(procedure.costTotals.debtorCents, 'EUR'),
                creditor: format.money(procedure.costTotals.creditorCents, 'EUR'),
              })}
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
