import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../i18n/labels.js';

/** What a form control needs to be tied to its field: its id, its description (error, then hint), its invalid state. */
export interface FieldControl {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** The ids a field's hint and error carry, and how its control points at them (the error first: it matters most). */
export function fieldControl(id: string, { hint, error }: { hint?: boolean; error?: boolean }): FieldControl {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return { id, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined };
}

/**
 * A labelled form field: the label, the control (given its id and aria attributes by `children`), a hint, and the
 * error once there is one, tied to the control for screen readers. `alert` announces the error as it appears (for a
 * field checked as the user types or on its own, not with the rest of a form).
 */
export function Field({
  id,
  label,
  hint,
  error,
  alert = false,
  wide = false,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown (and the control marked invalid) when set. */
  error?: ReactNode;
  alert?: boolean;
  wide?: boolean;
  children: (control: FieldControl) => ReactNode;
}) {
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const control = fieldControl(id, { hint: Boolean(hint), error: hasError });
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p id={`${id}-error`} className="field-error" role={alert ? 'alert' : undefined}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select of codes, each shown by its translation under `group` (values.channels, values.outcomes…). */
export function CodeSelect<T extends string>(props: {
  id: string;
  label: string;
  group: string;
  values: readonly T[];
  value: T;
  onChange: (value: T) => void;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field id={props.id} label={props.label} wide={props.wide}>
      {(control) => (
        <select {...control} value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
          {props.values.map((value) => (
            <option key={value} value={value}>
              {labelOf(t, props.group, value)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
