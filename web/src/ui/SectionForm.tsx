import type { FormEvent, ReactNode } from 'react';
import { SubmitFeedback, type Submit } from './useSubmit.js';

/**
 * A form inside a section of the case page (an estate's act, a procedure's step): its heading, its fields, one button
 * and what sending it earned. The heading names the form for assistive technologies.
 */
export function SectionForm(props: {
  id: string;
  heading: string;
  submitLabel: string;
  submit: Submit;
  onSubmit: () => void;
  disabled?: boolean;
  /** Shown instead of the problem the submission met (a form that says some problems next to their fields). */
  problem?: ReactNode;
  children: ReactNode;
}) {
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onSubmit();
  }
  return (
    <form className="grid-form" onSubmit={send} aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`} className="form-heading">
        {props.heading}
      </h3>
      {props.children}
      <div className="form-footer">
        <button type="submit" className="button primary" disabled={props.submit.busy || props.disabled}>
          {props.submitLabel}
        </button>
        <SubmitFeedback submit={props.submit} problem={props.problem} />
      </div>
    </form>
  );
}
