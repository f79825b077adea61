// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SectionForm } from './SectionForm.js';
import type { Submit } from './useSubmit.js';

afterEach(cleanup);

const idle: Submit = {
  busy: false,
  error: null,
  done: null,
  run: () => Promise.resolve(true),
  reset: () => {},
  setError: () => {},
};

function renderForm(submit: Submit, disabled = false) {
  const onSubmit = vi.fn();
  render(
    <SectionForm
      id="step"
      heading="Enregistrer une étape"
      submitLabel="Enregistrer"
      submit={submit}
      onSubmit={onSubmit}
      disabled={disabled}
    >
      <input aria-label="Date" />
    </SectionForm>,
  );
  return onSubmit;
}

describe('SectionForm', () => {
  it('is a form named by its heading, which its button sends once', () => {
    const onSubmit = renderForm(idle);
    const form = screen.getByRole('form', { name: 'Enregistrer une étape' });
    expect(form.querySelector('input')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('disables its button while sending, and when the section says nothing can be sent', () => {
    renderForm({ ...idle, busy: true });
    expect((screen.getByRole('button', { name: 'Enregistrer' }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    renderForm(idle, true);
    expect((screen.getByRole('button', { name: 'Enregistrer' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
