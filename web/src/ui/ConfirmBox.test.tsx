// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmBox } from './ConfirmBox.js';

afterEach(cleanup);

function renderBox(busy = false) {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConfirmBox
      textId="confirm-text"
      yes="Oui, publier"
      cancel="Annuler"
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p id="confirm-text">Publier la version 3 ?</p>
    </ConfirmBox>,
  );
  return { onConfirm, onCancel };
}

describe('ConfirmBox', () => {
  it('is a group named by its question, with the focus on "yes" as it opens', () => {
    renderBox();
    expect(screen.getByRole('group', { name: 'Publier la version 3 ?' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Oui, publier' }));
  });

  it('answers yes or cancel', () => {
    const { onConfirm, onCancel } = renderBox();
    fireEvent.click(screen.getByRole('button', { name: 'Oui, publier' }));
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('lets neither button be pressed while the act runs', () => {
    renderBox(true);
    expect((screen.getByRole('button', { name: 'Oui, publier' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Annuler' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
