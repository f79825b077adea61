import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../../src/platform/calendar/dates.js';
import { CodeSelect, Field } from '../../ui/fields.js';
import { SectionForm } from '../../ui/SectionForm.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { recordFiling, recordStep, recordStepDocument, type ProcedureView } from './api.js';

type State = ProcedureView['state'];
const PLAN_STATES: readonly State[] = ['plan_applies', 'plan_approved'];

function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label}>
      {(control) => (
        <input
          {...control}
          required={props.required}
          maxLength={200}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function DateField(props: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Field id={props.id} label={props.label}>
      {(control) => (
        <input {...control} type="date" required value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </Field>
  );
}

/** The filing: it covers every open case of the debtor, at every creditor. */
export function FilingForm(props: { debtorId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [country, setCountry] = useState<'FR' | 'IT'>('FR');
  const [filedOn, setFiledOn] = useState('');
  const [fileReference, setFileReference] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const send = () =>
    void submit
      .run(async () => {
        await recordFiling(props.debtorId, {
          country,
          filedOn,
          fileReference: fileReference.trim(),
          documentRef: documentRef.trim() || null,
        });
        return (t) => t('overindebtedness.recorded');
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id="odi-filing"
      heading={t('overindebtedness.fileTitle')}
      submitLabel={t('overindebtedness.fileSubmit')}
      submit={submit}
      onSubmit={send}
    >
      <p className="hint wide">{t('overindebtedness.fileHint')}</p>
      <CodeSelect
        id="odi-country"
        label={t('overindebtedness.country')}
        group="overindebtedness.countries"
        values={['FR', 'IT'] as const}
        value={country}
        onChange={setCountry}
      />
      <DateField id="odi-filed-on" label={t('overindebtedness.filedOn')} value={filedOn} onChange={setFiledOn} />
      <TextField
        id="odi-file-reference"
        label={t('overindebtedness.fileReference')}
        value={fileReference}
        onChange={setFileReference}
        required
      />
      <TextField
        id="odi-filing-document"
        label={t('overindebtedness.documentRef')}
        value={documentRef}
        onChange={setDocumentRef}
      />
    </SectionForm>
  );
}

interface ScheduleInput {
  count: string;
  amount: string;
  first: string;
}

/** The next step: a state the current one leads to, its day, its letter; for a plan, each case's schedule. */
export function StepForm(props: { procedure: ProcedureView; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const { procedure } = props;
  const [state, setState] = useState<State>(procedure.nextStates[0]!);
  const [on, setOn] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [note, setNote] = useState('');
  const [schedules, setSchedules] = useState<Record<string, ScheduleInput>>({});
  const planning = PLAN_STATES.includes(state);
  const scheduleOf = (caseId: string) => schedules[caseId] ?? { count: '', amount: '', first: '' };
  const setSchedule = (caseId: string, patch: Partial<ScheduleInput>) =>
    setSchedules((all) => ({ ...all, [caseId]: { ...scheduleOf(caseId), ...patch } }));
  const send = () =>
    void submit
      .run(async () => {
        const built = planning
          ? procedure.cases
              .filter((c) => scheduleOf(c.caseId).count && scheduleOf(c.caseId).amount && scheduleOf(c.caseId).first)
              .map((c) => {
                const s = scheduleOf(c.caseId);
                const cents = Math.round(Number(s.amount.replace(',', '.')) * 100);
                return {
                  caseId: c.caseId,
                  instalments: Array.from({ length: Number(s.count) }, (_, i) => ({
                    dueOn: addMonths(s.first, i),
                    amountCents: cents,
                  })),
                };
              })
          : [];
        await recordStep(procedure.id, {
          state,
          on,
          documentRef: documentRef.trim() || null,
          note: note.trim(),
          schedules: built,
        });
        return (t) => t('overindebtedness.recorded');
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id="odi-step"
      heading={t('overindebtedness.stepTitle')}
      submitLabel={t('overindebtedness.stepSubmit')}
      submit={submit}
      onSubmit={send}
    >
      <CodeSelect
        id="odi-step-state"
        label={t('overindebtedness.stepState')}
        group="overindebtedness.states"
        values={procedure.nextStates}
        value={state}
        onChange={setState}
      />
      <DateField id="odi-step-on" label={t('overindebtedness.stepOn')} value={on} onChange={setOn} />
      <TextField
        id="odi-step-document"
        label={t('overindebtedness.documentRef')}
        value={documentRef}
        onChange={setDocumentRef}
      />
      <TextField id="odi-step-note" label={t('overindebtedness.note')} value={note} onChange={setNote} />
      {planning
        ? procedure.cases.map((c) => (
            <ScheduleFields
              key={c.caseId}
              caseId={c.caseId}
              reference={c.caseReference}
              value={scheduleOf(c.caseId)}
              onChange={(patch) => setSchedule(c.caseId, patch)}
            />
          ))
        : null}
    </SectionForm>
  );
}

/** One case's schedule from the decision: n monthly instalments of an amount from a first day. */
function ScheduleFields(props: {
  caseId: string;
  reference: string;
  value: ScheduleInput;
  onChange: (patch: Partial<ScheduleInput>) => void;
}) {
  const { t } = useTranslation();
  const { caseId, value, onChange } = props;
  return (
    <fieldset className="wide">
      <legend>{t('overindebtedness.schedule', { reference: props.reference })}</legend>
      <Field id={`odi-count-${caseId}`} label={t('overindebtedness.scheduleCount')}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={168}
            value={value.count}
            onChange={(e) => onChange({ count: e.target.value })}
          />
        )}
      </Field>
      <Field id={`odi-amount-${caseId}`} label={t('overindebtedness.scheduleAmount')}>
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            value={value.amount}
            onChange={(e) => onChange({ amount: e.target.value })}
          />
        )}
      </Field>
      <DateField
        id={`odi-first-${caseId}`}
        label={t('overindebtedness.scheduleFirst')}
        value={value.first}
        onChange={(first) => onChange({ first })}
      />
    </fieldset>
  );
}

/** The current step's letter, received after the step was recorded. */
export function DocumentForm(props: { procedure: ProcedureView; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [documentRef, setDocumentRef] = useState('');
  const send = () =>
    void submit
      .run(async () => {
        await recordStepDocument(props.procedure.id, documentRef.trim());
        return (t) => t('overindebtedness.recorded');
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id="odi-document"
      heading={t('overindebtedness.documentTitle')}
      submitLabel={t('overindebtedness.documentSubmit')}
      submit={submit}
      onSubmit={send}
    >
      <TextField
        id="odi-document-ref"
        label={t('overindebtedness.documentRef')}
        value={documentRef}
        onChange={setDocumentRef}
        required
      />
    </SectionForm>
  );
}
