import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRIVERS, REVIEW_OUTCOMES, DEFAULT_REVIEW_MONTHS } from '../../../../src/care/contract.js';
import { addMonths } from '../../../../src/platform/calendar/dates.js';
import { labelOf } from '../../i18n/labels.js';
import { CodeSelect, Field } from '../../ui/fields.js';
import { SectionForm } from '../../ui/SectionForm.js';
import { browserToday } from '../../ui/today.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { DriverChoices } from './DriverChoices.js';
import { AdaptationFields, adaptationsOfDraft, draftOfAdaptations } from './AdaptationFields.js';
import {
  dismissSignal,
  renewBreathingSpace,
  reviewVulnerability,
  startBreathingSpace,
  type SignalView,
  type VulnerabilityView,
} from './api.js';

type Outcome = (typeof REVIEW_OUTCOMES)[number];
type Driver = (typeof DRIVERS)[number];

/** A person's review of a record: kept or changed with a new review date, or ended with a reason. */
export function ReviewForm({ record, onDone }: { record: VulnerabilityView; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [outcome, setOutcome] = useState<Outcome>('kept');
  const [reviewOn, setReviewOn] = useState(addMonths(browserToday(), DEFAULT_REVIEW_MONTHS));
  const [note, setNote] = useState('');
  const [drivers, setDrivers] = useState<Driver[]>(record.drivers);
  const [recordNote, setRecordNote] = useState(record.note);
  const [adaptations, setAdaptations] = useState(draftOfAdaptations(record.adaptations));
  const id = `care-review-${record.id}`;
  const send = () =>
    void submit
      .run(async () => {
        const said = note.trim() === '' ? {} : { note: note.trim() };
        await reviewVulnerability(
          record.id,
          outcome === 'ended'
            ? { outcome, note: note.trim() }
            : outcome === 'kept'
              ? { outcome, reviewOn, ...said }
              : {
                  outcome,
                  reviewOn,
                  ...said,
                  drivers,
                  recordNote: recordNote.trim(),
                  adaptations: adaptationsOfDraft(adaptations),
                },
        );
        return (t) => t('care.review.done');
      })
      .then((ok) => ok && onDone());
  return (
    <SectionForm
      id={id}
      heading={t('care.review.heading')}
      submitLabel={t('care.review.submit')}
      submit={submit}
      onSubmit={send}
    >
      <CodeSelect
        id={`${id}-outcome`}
        label={t('care.review.outcome')}
        group="care.review.outcomes"
        values={REVIEW_OUTCOMES}
        value={outcome}
        onChange={setOutcome}
      />
      {outcome === 'ended' ? null : (
        <Field id={`${id}-on`} label={t('care.review.reviewOn')} hint={t('care.record.reviewHint')}>
          {(control) => (
            <input {...control} type="date" required value={reviewOn} onChange={(e) => setReviewOn(e.target.value)} />
          )}
        </Field>
      )}
      {outcome === 'changed' ? (
        <>
          <DriverChoices value={drivers} onChange={setDrivers} />
          <Field id={`${id}-record-note`} label={t('care.record.note')} hint={t('care.record.noteHint')} wide>
            {(control) => (
              <textarea
                {...control}
                required
                maxLength={500}
                value={recordNote}
                onChange={(e) => setRecordNote(e.target.value)}
              />
            )}
          </Field>
          <AdaptationFields id={id} value={adaptations} onChange={setAdaptations} />
        </>
      ) : null}
      <Field id={`${id}-note`} label={outcome === 'ended' ? t('care.review.endNote') : t('care.review.note')} wide>
        {(control) => (
          <textarea
            {...control}
            required={outcome === 'ended'}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
    </SectionForm>
  );
}

/** Starts a breathing space (the policy's 30 days), or renews the running one once, each with a reason. */
export function BreathingSpaceForm(props: {
  debtorId: string;
  caseId: string;
  renew: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const id = props.renew ? 'care-space-renew' : 'care-space-start';
  const send = () =>
    void submit
      .run(async () => {
        if (props.renew) {
          await renewBreathingSpace(props.renew, reason.trim());
          return (t) => t('care.space.renewed');
        }
        await startBreathingSpace(props.debtorId, { caseId: props.caseId, reason: reason.trim() });
        return (t) => t('care.space.started');
      })
      .then((ok) => {
        if (ok) {
          setReason('');
          props.onDone();
        }
      });
  return (
    <SectionForm
      id={id}
      heading={props.renew ? t('care.space.renewHeading') : t('care.space.startHeading')}
      submitLabel={props.renew ? t('care.space.renew') : t('care.space.start')}
      submit={submit}
      onSubmit={send}
    >
      <Field id={`${id}-reason`} label={props.renew ? t('care.space.renewReason') : t('care.space.reason')} wide>
        {(control) => (
          <textarea {...control} required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
    </SectionForm>
  );
}

/** Dismisses a signal with a note: kept, so the same kind is not suggested again for 90 days. */
export function DismissForm({ signal, onDone }: { signal: SignalView; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [note, setNote] = useState('');
  const id = `care-dismiss-${signal.id}`;
  const send = () =>
    void submit
      .run(async () => {
        await dismissSignal(signal.id, note.trim());
        return (t) => t('care.dismiss.done');
      })
      .then((ok) => ok && onDone());
  return (
    <SectionForm
      id={id}
      heading={t('care.dismiss.heading', { kind: labelOf(t, 'care.signals.kinds', signal.kind) })}
      submitLabel={t('care.dismiss.submit')}
      submit={submit}
      onSubmit={send}
    >
      <Field id={`${id}-note`} label={t('care.dismiss.note')} wide>
        {(control) => (
          <textarea {...control} required maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
    </SectionForm>
  );
}
