import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NOTE_MIN_LENGTH,
  SEGMENT_BOOST_LIMIT,
  setSegmentControl,
  type SegmentControl,
  type SegmentStats,
} from './api.js';
import { ProblemMessage } from '../../../ui/ProblemMessage.js';
import { useSubmit } from '../../../ui/useSubmit.js';
import { Field } from '../../../ui/fields.js';
import { NoteField } from './NoteField.js';

/** A priority boost shown with its sign ("+100", "0", "−50"). */
export function signed(value: number, count: (value: number) => string): string {
  return value > 0 ? `+${count(value)}` : count(value);
}

/**
 * Pauses or resumes a segment and sets its priority boost, with the reason (required: it goes to the audit log).
 * The setting applies to the whole segment, in every team and both arms.
 */
export function SegmentControlForm({
  segment,
  idPrefix,
  onSaved,
  onCancel,
}: {
  segment: Pick<SegmentStats, 'segmentId' | 'name' | 'paused' | 'priorityBoost'>;
  idPrefix: string;
  onSaved: (control: SegmentControl) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [paused, setPaused] = useState(segment.paused);
  const [boost, setBoost] = useState(String(segment.priorityBoost));
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const sending = useSubmit();
  // Saved: the form stays disabled until the page shows the new settings.
  const [saved, setSaved] = useState(false);
  const saving = sending.busy || saved;
  const first = useRef<HTMLInputElement>(null);
  const headingId = `${idPrefix}-heading`;

  useEffect(() => {
    first.current?.focus();
  }, []);

  const boostValue = Number(boost.trim().replace('−', '-'));
  const boostValid = boost.trim() !== '' && Number.isInteger(boostValue) && Math.abs(boostValue) <= SEGMENT_BOOST_LIMIT;
  const noteValid = note.trim().length >= NOTE_MIN_LENGTH;

  async function save() {
    setAttempted(true);
    sending.reset();
    if (!boostValid || !noteValid) return;
    await sending.run(async () => {
      const control = await setSegmentControl(segment.segmentId, {
        paused,
        priorityBoost: boostValue,
        note: note.trim(),
      });
      setSaved(true);
      onSaved(control);
    });
  }

  return (
    <section className="card segment-control" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('supervision.teamQueues.control.heading', { segment: segment.name })}</h3>
      <p className="muted">{t('supervision.teamQueues.control.intro')}</p>
      <form
        className="grid-form"
        noValidate
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="field checkbox-field wide">
          <label htmlFor={`${idPrefix}-paused`}>
            <input
              ref={first}
              id={`${idPrefix}-paused`}
              type="checkbox"
              checked={paused}
              onChange={(event) => setPaused(event.target.checked)}
            />
            {t('supervision.teamQueues.control.paused')}
          </label>
        </div>
        <BoostField id={`${idPrefix}-boost`} value={boost} invalid={attempted && !boostValid} onChange={setBoost} />
        <NoteField
          id={`${idPrefix}-note`}
          label={t('supervision.teamQueues.control.note')}
          hint={t('supervision.teamQueues.control.noteHint')}
          error={attempted && !noteValid ? t('supervision.teamQueues.control.noteTooShort') : null}
          value={note}
          onChange={setNote}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? t('supervision.teamQueues.control.saving') : t('supervision.teamQueues.control.save')}
          </button>
          <button type="button" className="button secondary" disabled={saving} onClick={onCancel}>
            {t('supervision.teamQueues.control.cancel')}
          </button>
        </div>
      </form>
      {sending.error ? (
        <ProblemMessage error={sending.error} title={t('supervision.teamQueues.control.failed')} />
      ) : null}
    </section>
  );
}

/** The priority boost, a whole number within the limit either way. */
function BoostField(props: { id: string; value: string; invalid: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field
      id={props.id}
      label={t('supervision.teamQueues.control.boost')}
      hint={t('supervision.teamQueues.control.boostHint')}
      error={props.invalid ? t('supervision.teamQueues.control.boostInvalid') : null}
    >
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={-SEGMENT_BOOST_LIMIT}
          max={SEGMENT_BOOST_LIMIT}
          step={1}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
