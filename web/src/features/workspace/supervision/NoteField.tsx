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
    <div className="field wide">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={500}
        value={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
