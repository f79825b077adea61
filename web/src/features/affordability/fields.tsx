import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { useFormat, type Formatters } from '../../i18n/format.js';
import { FIGURE_STATUSES, listedProblems, readSource, type FigureStatus, type SourceNote } from './api.js';

/**
 * A figure's status as a badge ("to be confirmed" for a figure taken from secondary sources); a screen reader hears
 * what the badge is the status of. Its meaning is explained once, in the legend above the tables.
 */
export function StatusBadge({ status, labelled = true }: { status: FigureStatus; labelled?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`badge figure-${status}`}>
      {labelled ? <span className="visually-hidden">{t('referenceData.statusLabel')} </span> : null}
      {t(`referenceData.statuses.${status}`)}
    </span>
  );
}

/**
 * A figure's source in the reader's language: the legal citation as written, the notes the shipped figures carry
 * (their year, their date, "to be confirmed", the agency's own floor) by key; a source an administrator typed, whole.
 */
export function saySource(t: TFunction, format: Formatters, source: string): string {
  const say = (note: SourceNote) =>
    note.key === 'scale'
      ? t('referenceData.sourceNotes.scale', { year: note.year })
      : note.key === 'from'
        ? t('referenceData.sourceNotes.from', { date: format.date(note.date) })
        : t(`referenceData.sourceNotes.${note.key}`);
  const { citation, notes } = readSource(source);
  if (notes.length === 0) return citation;
  const words = notes.map(say).join(t('referenceData.sourceNotesSeparator'));
  if (citation === '') return words.charAt(0).toLocaleUpperCase() + words.slice(1);
  return t('referenceData.sourceWithNotes', { citation, notes: words });
}

/** `saySource` in the language on screen. */
export function useSourceText(): (source: string) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (source) => saySource(t, format, source);
}

/** What each status means: a figure to be confirmed comes from secondary sources. */
export function StatusLegend() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="statuses-heading">
      <h2 id="statuses-heading">{t('referenceData.statusesHeading')}</h2>
      <dl className="figure-statuses">
        {FIGURE_STATUSES.map((status) => (
          <div key={status}>
            <dt>
              <StatusBadge status={status} labelled={false} />
            </dt>
            <dd>{t(`referenceData.statusHelp.${status}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A row's edit button in a table: short on screen ("Corriger"), named in full for assistive technology. */
export function EditButton({ id, label, onClick }: { id: string; label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" id={id} className="button secondary" aria-label={label} onClick={onClick}>
      {t('referenceData.correct')}
    </button>
  );
}

/** A text input with its label, an optional hint and the error that names what to correct. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  type?: 'text' | 'date';
  wide?: boolean;
}) {
  const { id, error = null, hint } = props;
  const described = [hint ? `${id}-hint` : null, error !== null ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={described || undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error !== null ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The status and the source every row carries. */
export function StatusSourceFields(props: {
  id: string;
  status: FigureStatus;
  source: string;
  onStatus: (s: FigureStatus) => void;
  onSource: (s: string) => void;
  checked: boolean;
}) {
  const { t } = useTranslation();
  const { id } = props;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('referenceData.form.status')}</label>
        <select
          id={`${id}-status`}
          value={props.status}
          onChange={(e) => props.onStatus(e.target.value as FigureStatus)}
          aria-describedby={`${id}-status-hint`}
        >
          {FIGURE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`referenceData.statuses.${status}`)}
            </option>
          ))}
        </select>
        <p id={`${id}-status-hint`} className="hint">
          {t(`referenceData.statusHelp.${props.status}`)}
        </p>
      </div>
      <TextField
        id={`${id}-source`}
        label={t('referenceData.form.source')}
        value={props.source}
        onChange={props.onSource}
        hint={t('referenceData.form.sourceHint')}
        error={props.checked && props.source.trim() === '' ? t('referenceData.form.sourceMissing') : null}
        wide
      />
    </>
  );
}

/**
 * A form to add or correct one row: its heading, the fields (rendered knowing whether the user has tried to send,
 * so errors appear only then), the server's refusal with every problem it listed, save and cancel. `save` returns
 * false when the fields do not parse, and nothing is sent.
 */
export function RowForm(props: {
  id: string;
  heading: string;
  save: () => Promise<boolean>;
  onCancel: () => void;
  children: (checked: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const saving = useSubmit();
  const [refused, setRefused] = useState(0);
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);
  // Once the errors are on screen, the first field to correct takes the focus.
  useEffect(() => {
    if (refused > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    await saving.run(async () => {
      const sent = await props.save();
      if (!sent) setRefused((n) => n + 1);
    });
  }

  const listed = saving.error instanceof ApiError ? listedProblems(saving.error.problem) : [];
  return (
    <form
      ref={ref}
      className="card reference-form"
      aria-labelledby={`${props.id}-heading`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
      noValidate
    >
      <h3 id={`${props.id}-heading`}>{props.heading}</h3>
      <div className="grid-form">{props.children(checked)}</div>
      {saving.error ? <ProblemMessage error={saving.error} /> : null}
      {listed.length > 0 ? (
        <div className="problem-details-box">
          <p>{t('referenceData.form.serverProblems')}</p>
          <ul lang="en">
            {listed.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving.busy}>
          {saving.busy ? t('referenceData.form.saving') : t('referenceData.form.save')}
        </button>
        <button type="button" className="button secondary" onClick={props.onCancel}>
          {t('referenceData.form.cancel')}
        </button>
      </div>
    </form>
  );
}
