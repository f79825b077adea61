import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import type { Saying } from '../../i18n/saying.js';

/** A submission that hands its success message on (the parent reloads and announces it). */
export function useSubmitThen(onDone: (message: Saying) => void) {
  const submit = useSubmit();
  const send = async (action: () => Promise<Saying>) => {
    let message: Saying = () => '';
    const ok = await submit.run(async () => (message = await action()));
    if (ok) onDone(message);
    return ok;
  };
  return { submit, send };
}

/** The form's submit button, then its success or problem. */
export function SubmitRow({ label, submit }: { label: string; submit: ReturnType<typeof useSubmit> }) {
  return (
    <>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {label}
        </button>
      </div>
      <SubmitFeedback submit={submit} />
    </>
  );
}

/** A labelled textarea for what a person writes (a reason, a decision): at least 3 characters, as the server requires. */
export function ReasonField({
  id,
  label,
  hint,
  value,
  onChange,
  disabled,
  rows = 2,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  rows?: number;
}) {
  return (
    <div className="field wide">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        required
        minLength={3}
        maxLength={1000}
        value={value}
        aria-describedby={`${id}-hint`}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}
