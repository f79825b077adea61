import { Field } from '../../../ui/fields.js';

/**
 * The required reason of a supervisor's act (at least 3 characters, kept in the audit log), with its hint and,
 * once the form was sent without it, the error tied to the field for screen readers.
 */
export function NoteField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  /** Shown (and the field marked invalid) when set. */
  error: string | null;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} wide>
      {(control) => (
        <textarea
          {...control}
          rows={2}
          maxLength={500}
          value={value}
          required
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
