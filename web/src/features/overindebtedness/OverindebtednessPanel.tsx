import { useTranslation } from 'react-i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { getCaseProcedure, type ProcedureView } from './api.js';
import { DocumentForm, FilingForm, StepForm } from './ProcedureForms.js';

/**
 * The over-indebtedness procedure on the case page (REGULATION §2, §10): its step, the dated steps, the deadlines with
 * their sources, the next action and the acts the state allows; the specialist records the filing and each step. A
 * creditor user reads the state of its own cases only. The case reloads after each step (stage, holds, timeline).
 */
export function OverindebtednessPanel(props: {
  caseId: string;
  debtorId: string;
  caseOpen: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const procedure = useLiveData((signal) => getCaseProcedure(props.caseId, signal), props.caseId);
  const manage = can(me.role, 'overindebtedness.manage');
  const changed = () => {
    procedure.reload();
    props.onChanged();
  };
  return (
    <section className="card" aria-labelledby="overindebtedness-heading">
      <h2 id="overindebtedness-heading">{t('overindebtedness.heading')}</h2>
      {me.role === 'creditor_user' ? <p className="hint">{t('overindebtedness.creditorIntro')}</p> : null}
      <AsyncContent data={procedure} onRetry={procedure.reload}>
        {(found) =>
          found.procedure ? (
            <>
              <ProcedureFacts procedure={found.procedure} />
              {manage && found.procedure.nextStates.length > 0 ? (
                <>
                  {found.procedure.steps.at(-1)?.documentRef === null ? (
                    <DocumentForm procedure={found.procedure} onDone={changed} />
                  ) : null}
                  <StepForm procedure={found.procedure} onDone={changed} />
                </>
              ) : null}
            </>
          ) : (
            <>
              <p>{t('overindebtedness.none')}</p>
              {manage && props.caseOpen ? <FilingForm debtorId={props.debtorId} onDone={changed} /> : null}
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
  const next = procedure.nextAction;
  return (
    <>
      <Facts
        items={[
          {
            label: t('overindebtedness.state'),
            value: `${labelOf(t, 'overindebtedness.states', procedure.state)} · ${t('overindebtedness.stateOn')} ${format.date(procedure.stateOn)}`,
          },
          { label: t('overindebtedness.filedOn'), value: format.date(procedure.filedOn) },
          ...(procedure.fileReference
            ? [{ label: t('overindebtedness.fileReference'), value: procedure.fileReference }]
            : []),
          ...(next
            ? [
                {
                  label: t('overindebtedness.nextAction'),
                  value: (
                    <strong>
                      {t('overindebtedness.nextActionDue', {
                        action: labelOf(t, 'overindebtedness.actions', next.action),
                        date: format.date(next.dueOn),
                      })}
                      {next.overdue ? ` · ${t('overindebtedness.overdue')}` : ''}
                    </strong>
                  ),
                },
              ]
            : []),
          {
            label: t('overindebtedness.allowedActs'),
            value:
              procedure.allowedActs.length === 0
                ? t('overindebtedness.noActs')
                : procedure.allowedActs.map((act) => labelOf(t, 'overindebtedness.acts', act)).join(', '),
          },
          {
            label: t('overindebtedness.cases'),
            value: procedure.cases.map((c) => `${c.caseReference} (${c.creditorName})`).join(', '),
          },
        ]}
      />
      <h3>{t('overindebtedness.deadlines')}</h3>
      {procedure.deadlines.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul>
          {procedure.deadlines.map((d) => (
            <li key={d.deadline}>
              {labelOf(t, 'overindebtedness.deadlineNames', d.deadline)} : <strong>{format.date(d.dueOn)}</strong> (
              {d.source}
              {d.tag === 'check' ? ', CHECK' : ''})
              {d.moved ? ` — ${t('overindebtedness.deadlineMoved', { date: format.date(d.countEndsOn) })}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('overindebtedness.steps')}</h3>
      <TableScroll label={t('overindebtedness.steps')}>
        <table>
          <caption className="visually-hidden">{t('overindebtedness.steps')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overindebtedness.stepOn')}</th>
              <th scope="col">{t('overindebtedness.stepState')}</th>
              <th scope="col">{t('overindebtedness.documentRef')}</th>
            </tr>
          </thead>
          <tbody>
            {procedure.steps.map((step, index) => (
              <tr key={`${step.state}-${index}`}>
                <td>{format.date(step.on)}</td>
                <td>{labelOf(t, 'overindebtedness.states', step.state)}</td>
                <td>{step.documentRef ?? (procedure.fileReference ? t('overindebtedness.noDocument') : '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
