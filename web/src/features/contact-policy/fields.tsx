import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Fields that keep what the person types while it is not valid yet, say why, and hand the parent only valid
 * values. `onValidity` lets the page refuse to save while a field is wrong.
 */

interface Common {
  id: string;
  onValidity: (id: string, valid: boolean) => void;
  /** A visible label; without it, `ariaLabel` names the field (inside a table row). */
  label?: string;
  ariaLabel?: string;
  hint?: string;
}

function useTextField(
  initial: string,
  parse: (text: string) => { ok: boolean },
  id: string,
  onValidity: Common['onValidity'],
) {
  const [text, setText] = useState(initial);
  const valid = parse(text).ok;
  useEffect(() => {
    onValidity(id, valid);
  }, [id, valid, onValidity]);
  useEffect(() => () => onValidity(id, true), [id, onValidity]);
  return { text, setText, valid };
}

function Field(
  props: Common & {
    text: string;
    valid: boolean;
    error: string;
    onText: (text: string) => void;
    inputMode?: 'numeric';
    size?: number;
  },
) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.valid ? undefined : `${props.id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      {props.label ? <label htmlFor={props.id}>{props.label}</label> : null}
      <input
        id={props.id}
        type="text"
        inputMode={props.inputMode}
        size={props.size}
        value={props.text}
        aria-label={props.label ? undefined : props.ariaLabel}
        aria-invalid={props.valid ? undefined : true}
        aria-describedby={describedBy}
        onChange={(event) => props.onText(event.target.value)}
      />
      {props.hint ? (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      ) : null}
      {props.valid ? null : (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

function parseInteger(
  text: string,
  min: number,
  max: number,
  optional: boolean,
): { ok: true; value: number | undefined } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return optional ? { ok: true, value: undefined } : { ok: false };
  if (!/^\d+$/.test(trimmed)) return { ok: false };
  const value = Number(trimmed);
  return value >= min && value <= max ? { ok: true, value } : { ok: false };
}

/** A whole number between `min` and `max`; `optional` lets it be empty (undefined). */
export function IntegerField(
  props: Common & {
    value: number | undefined;
    min: number;
    max: number;
    optional?: boolean;
    onChange: (value: number | undefined) => void;
  },
) {
  const { t } = useTranslation();
  const parse = (text: string) => parseInteger(text, props.min, props.max, props.optional ?? false);
  const field = useTextField(props.value === undefined ? '' : String(props.value), parse, props.id, props.onValidity);
  return (
    <Field
      {...props}
      text={field.text}
      valid={field.valid}
      inputMode="numeric"
      size={6}
      error={`${t('contactPolicy.draft.numberInvalid')} (${props.min}–${props.max})`}
      onText={(text) => {
        field.setText(text);
        const parsed = parse(text);
        if (parsed.ok) props.onChange(parsed.value);
      }}
    />
  );
}

const RANGE = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** "09:00-12:00, 14:00-20:00" → ranges; empty → none (closed). */
export function parseRanges(text: string): { ok: true; value: { from: string; to: string }[] } | { ok: false } {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const ranges: { from: string; to: string }[] = [];
  for (const part of parts) {
    const [from, to, extra] = part.split(/\s*[-–]\s*/);
    if (extra !== undefined || !from || !to || !RANGE.test(from) || !RANGE.test(to) || from >= to) return { ok: false };
    ranges.push({ from, to });
  }
  return ranges.length > 8 ? { ok: false } : { ok: true, value: ranges };
}

export function formatRanges(ranges: readonly { from: string; to: string }[]): string {
  return ranges.map((range) => `${range.from}-${range.to}`).join(', ');
}

/** The contact hours of one day type, as ranges typed in one line. */
export function RangesField(
  props: Common & { value: { from: string; to: string }[]; onChange: (value: { from: string; to: string }[]) => void },
) {
  const { t } = useTranslation();
  const field = useTextField(formatRanges(props.value), parseRanges, props.id, props.onValidity);
  return (
    <Field
      {...props}
      text={field.text}
      valid={field.valid}
      size={24}
      error={t('contactPolicy.draft.hoursInvalid')}
      onText={(text) => {
        field.setText(text);
        const parsed = parseRanges(text);
        if (parsed.ok) props.onChange(parsed.value);
      }}
    />
  );
}
