// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../i18n/index.js';
import { CodeSelect, Field, fieldControl } from './fields.js';

afterEach(cleanup);

/** The texts a screen reader reads as the control's description, in order. */
function description(control: HTMLElement): string[] {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`);
}

describe('Field', () => {
  it('labels its control and describes it with its hint', () => {
    render(
      <Field id="amount" label="Montant" hint="En euros, par exemple 12,50">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText('Montant');
    expect(description(input)).toEqual(['En euros, par exemple 12,50']);
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('marks the control invalid and reads the error first, then the hint', () => {
    render(
      <Field id="amount" label="Montant" hint="En euros" error="Montant illisible : « 12,5,0 »">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText('Montant');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toEqual(['Montant illisible : « 12,5,0 »', 'En euros']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces the error at once when asked to', () => {
    render(
      <Field id="note" label="Motif" error="Trois caractères au moins" alert>
        {(control) => <textarea {...control} />}
      </Field>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Trois caractères au moins');
    expect(description(screen.getByLabelText('Motif'))).toEqual(['Trois caractères au moins']);
  });

  it('gives a control without hint nor error no description at all', () => {
    expect(fieldControl('x', {})).toEqual({ id: 'x', 'aria-describedby': undefined, 'aria-invalid': undefined });
  });
});

describe('CodeSelect', () => {
  it('offers each code by its translation and returns the code chosen', () => {
    const chosen: string[] = [];
    render(
      <CodeSelect
        id="channel"
        label="Canal"
        group="values.channels"
        values={['phone', 'email'] as const}
        value="phone"
        onChange={(value) => chosen.push(value)}
      />,
    );
    const select = screen.getByLabelText('Canal') as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toEqual(['phone', 'email']);
    expect([...select.options].every((option) => option.textContent !== option.value)).toBe(true);
    fireEvent.change(select, { target: { value: 'email' } });
    expect(chosen).toEqual(['email']);
  });
});
