import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHARGEABLE_TO, COST_KINDS, END_OUTCOMES, ROUTES } from '../../../../src/judicial/contract.js';
import { useLiveData } from '../../api/useLiveData.js';
import { browserToday } from '../../ui/today.js';
import { parseEurosToCents } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { CodeSelect, Field } from '../../ui/fields.js';
import { SectionForm } from '../../ui/SectionForm.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { getPartners } from './handoff-api.js';
import { openProcedure, recordCost, recordPartnerPayment, recordStep, type ProcedureView } from './procedure-api.js';

type Route = (typeof ROUTES)[number];
type CostKind = (typeof COST_KINDS)[number];
type Chargeable = (typeof CHARGEABLE_TO)[number];
type Outcome = (typeof END_OUTCOMES)[number];
type StepKind = NonNullable<ProcedureView['allowedSteps']>[number];

function NoteField(props: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Field id={props.id} label={props.label} wide>
      {(control) => (
        <textarea {...control} maxLength={2000} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </Field>
  );
}

/** Opens the procedure on the route the review chose (preselected), or another a person chooses. */
export function OpenProcedureForm(props: { caseId: string; reviewRoute: Route | null; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [route, setRoute] = useState<Route>(props.reviewRoute ?? 'injonction_de_payer');
  const [titleOn, setTitleOn] = useState('');
  const [note, setNote] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const partners = useLiveData((signal) => getPartners(true, signal), 'judicial-partners-active');
  const send = () =>
    void submit
      .run(async () => {
        await openProcedure(props.caseId, {
          route,
          partnerId: partnerId || null,
          titleObtainedOn: route === 'enforcement_with_title' ? titleOn : null,
          note: note.trim(),
        });
        return (t) => t('judicialProcedure.open.done');
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id="procedure-open"
      heading={t('judicialProcedure.open.heading')}
      submitLabel={t('judicialProcedure.open.submit')}
      submit={submit}
      onSubmit={send}
    >
      {props.reviewRoute ? (
        <p className="hint wide">
          {t('judicialProcedure.open.reviewRoute', {
            route: labelOf(t, 'judicialProcedure.routes', props.reviewRoute),
          })}
        </p>
      ) : null}
      <CodeSelect
        id="procedure-route"
        label={t('judicialProcedure.open.route')}
        group="judicialProcedure.routes"
        values={ROUTES}
        value={route}
        onChange={setRoute}
        wide
      />
      {route === 'enforcement_with_title' ? (
        <Field id="procedure-title-on" label={t('judicialProcedure.open.titleObtainedOn')}>
          {(control) => (
            <input {...control} type="date" required value={titleOn} onChange={(e) => setTitleOn(e.target.value)} />
          )}
        </Field>
      ) : null}
      <Field id="procedure-partner" label={t('judicialProcedure.open.partner')}>
        {(control) => (
          <select {...control} value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
            <option value="">{t('judicialProcedure.open.noPartner')}</option>
            {(partners.status === 'ready' ? partners.data.items : []).map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.firmName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NoteField id="procedure-open-note" label={t('judicialProcedure.open.note')} value={note} onChange={setNote} />
    </SectionForm>
  );
}

/** A step among those the procedure accepts today (the server checks the day given against the deadlines). */
export function StepForm(props: { caseId: string; procedure: ProcedureView; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const allowed = (props.procedure.allowedSteps ?? []) as StepKind[];
  const [chosen, setChosen] = useState<StepKind | ''>('');
  const kind = chosen && allowed.includes(chosen) ? chosen : allowed[0];
  const [occurredOn, setOccurredOn] = useState(() => browserToday());
  const [reportedBy, setReportedBy] = useState<'agency' | 'partner'>('agency');
  const [outcome, setOutcome] = useState<Outcome>('paid');
  const [service, setService] = useState<'in_person' | 'not_in_person'>('in_person');
  const [note, setNote] = useState('');
  if (!kind) return <p className="hint">{t('judicialProcedure.step.none')}</p>;
  const send = () =>
    void submit
      .run(async () => {
        await recordStep(props.caseId, {
          kind,
          occurredOn,
          reportedBy,
          note: note.trim(),
          ...(kind === 'procedure_ended' ? { outcome } : {}),
          ...(kind === 'served' ? { inPerson: service === 'in_person' } : {}),
        });
        setNote('');
        return (t) => t('judicialProcedure.step.done');
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id="procedure-step"
      heading={t('judicialProcedure.step.heading')}
      submitLabel={t('judicialProcedure.step.submit')}
      submit={submit}
      onSubmit={send}
    >
      <CodeSelect
        id="procedure-step-kind"
        label={t('judicialProcedure.step.kind')}
        group="judicialProcedure.steps"
        values={allowed}
        value={kind}
        onChange={setChosen}
        wide
      />
      <Field id="procedure-step-on" label={t('judicialProcedure.step.occurredOn')}>
        {(control) => (
          <input {...control} type="date" required value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />
        )}
      </Field>
      <CodeSelect
        id="procedure-step-by"
        label={t('judicialProcedure.step.reportedBy')}
        group="judicialProcedure.reporters"
        values={['agency', 'partner'] as const}
        value={reportedBy}
        onChange={setReportedBy}
      />
      {kind === 'procedure_ended' ? (
        <CodeSelect
          id="procedure-step-outcome"
          label={t('judicialProcedure.step.outcome')}
          group="judicialProcedure.outcomes"
          values={END_OUTCOMES}
          value={outcome}
          onChange={setOutcome}
        />
      ) : null}
      {kind === 'served' ? (
        <CodeSelect
          id="procedure-step-service"
          label={t('judicialProcedure.step.service')}
          group="judicialProcedure.services"
          values={['in_person', 'not_in_person'] as const}
          value={service}
          onChange={setService}
          wide
        />
      ) : null}
      <NoteField id="procedure-step-note" label={t('judicialProcedure.step.note')} value={note} onChange={setNote} />
    </SectionForm>
  );
}

/** A cost line: an amicable collection fee is offered on the creditor only (L111-8), the server refuses it otherwise. */
export function CostForm(props: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [kind, setKind] = useState<CostKind>('service_act');
  const [amount, setAmount] = useState('');
  const [chargeableTo, setChargeableTo] = useState<Chargeable>('debtor');
  const [basis, setBasis] = useState('');
  const [incurredOn, setIncurredOn] = useState(() => browserToday());
  const bearers: readonly Chargeable[] =
    kind === 'amicable_collection_fee' || kind === 'commissaire_a444_32'
      ? ['creditor']
      : kind === 'commissaire_a444_31'
        ? ['debtor']
        : CHARGEABLE_TO;
  const bearer = bearers.includes(chargeableTo) ? chargeableTo : bearers[0]!;
  const send = () =>
    void submit
      .run(async () => {
        const amountCents = parseEurosToCents(amount) ?? 0;
        await recordCost(props.caseId, {
          kind,
          amountCents,
          chargeableTo: bearer,
          incurredOn,
          ...(basis.trim() ? { legalBasis: basis.trim() } : {}),
        });
        setAmount('');
        setBasis('');
        return (t) => t('judicialProcedure.cost.done');
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id="procedure-cost"
      heading={t('judicialProcedure.cost.heading')}
      submitLabel={t('judicialProcedure.cost.submit')}
      submit={submit}
      onSubmit={send}
    >
      <CodeSelect
        id="procedure-cost-kind"
        label={t('judicialProcedure.cost.kind')}
        group="judicialProcedure.costKinds"
        values={COST_KINDS}
        value={kind}
        onChange={setKind}
      />
      <Field id="procedure-cost-amount" label={t('judicialProcedure.cost.amount')}>
        {(control) => (
          <input {...control} inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)} />
        )}
      </Field>
      <CodeSelect
        id="procedure-cost-bearer"
        label={t('judicialProcedure.cost.chargeableTo')}
        group="judicialProcedure.chargeable"
        values={bearers}
        value={bearer}
        onChange={setChargeableTo}
      />
      <Field id="procedure-cost-on" label={t('judicialProcedure.cost.incurredOn')}>
        {(control) => (
          <input {...control} type="date" required value={incurredOn} onChange={(e) => setIncurredOn(e.target.value)} />
        )}
      </Field>
      <Field id="procedure-cost-basis" label={t('judicialProcedure.cost.legalBasis')} wide>
        {(control) => <input {...control} maxLength={200} value={basis} onChange={(e) => setBasis(e.target.value)} />}
      </Field>
      {kind === 'amicable_collection_fee' ? (
        <p className="hint wide">{t('judicialProcedure.cost.amicableHint')}</p>
      ) : null}
    </SectionForm>
  );
}

/** A payment the partner collected: recorded and allocated like any payment, with a key kept across retries. */
export function PartnerPaymentForm(props: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(() => browserToday());
  const [reference, setReference] = useState('');
  const pending = useRef<{ body: string; key: string } | null>(null);
  const send = () =>
    void submit
      .run(async () => {
        const body = { amountCents: parseEurosToCents(amount) ?? 0, receivedOn, reference: reference.trim() };
        const said = JSON.stringify(body);
        if (pending.current?.body !== said) pending.current = { body: said, key: crypto.randomUUID() };
        await recordPartnerPayment(props.caseId, { ...body, paymentKey: pending.current.key });
        pending.current = null;
        setAmount('');
        setReference('');
        return (t) => t('judicialProcedure.payment.done');
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id="procedure-payment"
      heading={t('judicialProcedure.payment.heading')}
      submitLabel={t('judicialProcedure.payment.submit')}
      submit={submit}
      onSubmit={send}
    >
      <Field id="procedure-payment-amount" label={t('judicialProcedure.payment.amount')}>
        {(control) => (
          <input {...control} inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)} />
        )}
      </Field>
      <Field id="procedure-payment-on" label={t('judicialProcedure.payment.receivedOn')}>
        {(control) => (
          <input {...control} type="date" required value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
        )}
      </Field>
      <Field id="procedure-payment-reference" label={t('judicialProcedure.payment.reference')} wide>
        {(control) => (
          <input
            {...control}
            required
            maxLength={140}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        )}
      </Field>
    </SectionForm>
  );
}
