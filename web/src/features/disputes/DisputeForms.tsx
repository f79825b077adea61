import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLAIM_COMPONENTS,
  DISPUTE_ANSWERS,
  DISPUTE_DECISIONS,
  DISPUTE_GROUNDS,
} from '../../../../src/disputes/contract.js';
import { parseEurosToCents } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import type { Saying } from '../../i18n/saying.js';
import { CodeSelect, Field } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import type { DocumentView } from '../documents/api.js';
import { answerDispute, decideDispute, parseCorrection, recordDispute, type DisputeView } from './api.js';

type Grounds = (typeof DISPUTE_GROUNDS)[number];
type Answer = (typeof DISPUTE_ANSWERS)[number];
type Decision = (typeof DISPUTE_DECISIONS)[number];
type Component = (typeof CLAIM_COMPONENTS)[number];

/** Checkboxes of the case's documents a dispute or an answer attaches (uploaded first under "Documents"). */
function DocumentChoice(props: {
  id: string;
  legend: string;
  hint: string;
  documents: readonly DocumentView[];
  chosen: string[];
  setChosen: (ids: string[]) => void;
}) {
  return (
    <fieldset className="field wide" aria-describedby={`${props.id}-hint`}>
      <legend>{props.legend}</legend>
      {props.documents.map((document) => (
        <label key={document.id} className="choice">
          <input
            type="checkbox"
            checked={props.chosen.includes(document.id)}
            onChange={(event) =>
              props.setChosen(
                event.target.checked ? [...props.chosen, document.id] : props.chosen.filter((id) => id !== document.id),
              )
            }
          />{' '}
          {document.fileName ?? document.id}
        </label>
      ))}
      <p id={`${props.id}-hint`} className="hint">
        {props.hint}
      </p>
    </fieldset>
  );
}

/** An agent records a dispute of one of the case's open claims, with its grounds, what the debtor says and documents. */
export function RecordDisputeForm(props: {
  caseId: string;
  claims: readonly { id: string; reference: string; status: string }[];
  documents: readonly DocumentView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const open = props.claims.filter((claim) => claim.status === 'open');
  const [claimId, setClaimId] = useState(open[0]?.id ?? '');
  const [grounds, setGrounds] = useState<Grounds>('not_mine');
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  if (open.length === 0) return null;

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      const made = await recordDispute(props.caseId, { claimId, grounds, note: note.trim(), documentIds: chosen });
      return (t) => (made.status === 'linked' ? t('disputes.record.linked') : t('disputes.record.done'));
    });
    if (ok) {
      setNote('');
      setChosen([]);
      props.onDone();
    }
  }

  return (
    <form className="grid-form" onSubmit={(event) => void send(event)} aria-labelledby="dispute-record-heading">
      <h3 id="dispute-record-heading" className="wide">
        {t('disputes.record.heading')}
      </h3>
      <Field id="dispute-claim" label={t('disputes.record.claim')}>
        {(control) => (
          <select {...control} value={claimId} onChange={(event) => setClaimId(event.target.value)}>
            {open.map((claim) => (
              <option key={claim.id} value={claim.id}>
                {claim.reference}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CodeSelect
        id="dispute-grounds"
        label={t('disputes.record.grounds')}
        group="disputes.grounds"
        values={DISPUTE_GROUNDS}
        value={grounds}
        onChange={setGrounds}
      />
      <Field id="dispute-note" label={t('disputes.record.note')} hint={t('disputes.record.noteHint')} wide>
        {(control) => (
          <textarea {...control} required maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <DocumentChoice
        id="dispute-documents"
        legend={t('disputes.record.documents')}
        hint={t('disputes.record.documentsHint')}
        documents={props.documents}
        chosen={chosen}
        setChosen={setChosen}
      />
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {t('disputes.record.submit')}
        </button>
        <SubmitFeedback submit={submit} />
      </div>
    </form>
  );
}

const ANSWERED: Saying = (t) => t('disputes.respond.done');
const DECIDED: Saying = (t) => t('disputes.review.done');

/** The creditor answers an evidence request: confirmed, adjusted (with the correction) or withdrawn, with documents. */
export function AnswerDisputeForm(props: {
  dispute: DisputeView;
  documents: readonly DocumentView[];
  /** Called with the confirmation: the form leaves once the dispute is answered, the section keeps it on screen. */
  onDone: (said: Saying) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [answer, setAnswer] = useState<Answer>('confirmed');
  const [note, setNote] = useState('');
  const [component, setComponent] = useState<Component>('principal');
  const [amount, setAmount] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const prefix = `dispute-answer-${props.dispute.id}`;

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const cents = answer === 'adjusted' ? parseCorrection(amount, parseEurosToCents) : null;
    const ok = await submit.run(async () => {
      await answerDispute(props.dispute.id, {
        answer,
        note: note.trim(),
        adjustment: answer === 'adjusted' ? { component, amountCents: cents ?? 0 } : null,
        documentIds: chosen,
      });
      return ANSWERED;
    });
    if (ok) props.onDone(ANSWERED);
  }

  return (
    <form className="grid-form" onSubmit={(event) => void send(event)} aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`} className="wide">
        {t('disputes.respond.heading')}
      </h4>
      <CodeSelect
        id={`${prefix}-answer`}
        label={t('disputes.respond.answer')}
        group="disputes.answers"
        values={DISPUTE_ANSWERS}
        value={answer}
        onChange={setAnswer}
      />
      {answer === 'adjusted' ? (
        <>
          <CodeSelect
            id={`${prefix}-component`}
            label={t('disputes.respond.component')}
            group="disputes.components"
            values={CLAIM_COMPONENTS}
            value={component}
            onChange={setComponent}
          />
          <Field id={`${prefix}-amount`} label={t('disputes.respond.amount')} hint={t('disputes.respond.amountHint')}>
            {(control) => (
              <input
                {...control}
                inputMode="decimal"
                required
                value={amount}
                onChange={(event) => setAmount(event.target.value)}
              />
            )}
          </Field>
        </>
      ) : null}
      <Field id={`${prefix}-note`} label={t('disputes.respond.note')} wide>
        {(control) => <textarea {...control} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <DocumentChoice
        id={`${prefix}-documents`}
        legend={t('disputes.respond.documents')}
        hint={t('disputes.respond.documentsHint')}
        documents={props.documents}
        chosen={chosen}
        setChosen={setChosen}
      />
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {t('disputes.respond.submit')}
        </button>
        <SubmitFeedback submit={submit} />
      </div>
    </form>
  );
}

/** A person decides on the creditor's answer: resume, adjust (only after an adjusted answer) or close. */
export function ReviewDisputeForm(props: { dispute: DisputeView; onDone: (said: Saying) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const allowed = DISPUTE_DECISIONS.filter((decision) => decision !== 'adjust' || props.dispute.answer === 'adjusted');
  const [decision, setDecision] = useState<Decision>(props.dispute.answer === 'adjusted' ? 'adjust' : 'resume');
  const [note, setNote] = useState('');
  const prefix = `dispute-review-${props.dispute.id}`;

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await decideDispute(props.dispute.id, { decision, note: note.trim() });
      return DECIDED;
    });
    if (ok) props.onDone(DECIDED);
  }

  return (
    <form className="grid-form" onSubmit={(event) => void send(event)} aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`} className="wide">
        {t('disputes.review.heading')}
      </h4>
      <Field id={`${prefix}-decision`} label={t('disputes.review.decision')}>
        {(control) => (
          <select {...control} value={decision} onChange={(event) => setDecision(event.target.value as Decision)}>
            {allowed.map((value) => (
              <option key={value} value={value}>
                {labelOf(t, 'disputes.decisions', value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${prefix}-note`} label={t('disputes.review.note')} wide>
        {(control) => (
          <textarea {...control} required maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {t('disputes.review.submit')}
        </button>
        <SubmitFeedback submit={submit} />
      </div>
    </form>
  );
}
