// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { i18next } from '../i18n/index.js';
import type { Saying } from '../i18n/saying.js';
import { SubmitFeedback, useSubmit } from './useSubmit.js';

afterEach(cleanup);

/** An action the test settles by hand, to look at the form while it runs. */
function deferred() {
  let resolve!: (message: Saying) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Saying>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** A form as the app writes them: a button busy while it sends, then the confirmation or the problem. */
function SaveForm({ action, onResult }: { action: () => Promise<Saying | void>; onResult?: (ok: boolean) => void }) {
  const submit = useSubmit();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run(action).then((ok) => onResult?.(ok));
      }}
    >
      <button type="submit" disabled={submit.busy}>
        {submit.busy ? 'Enregistrement…' : 'Enregistrer'}
      </button>
      <SubmitFeedback submit={submit} />
    </form>
  );
}

describe('useSubmit', () => {
  it('is busy while the action runs, then shows its confirmation politely', async () => {
    const pending = deferred();
    const results: boolean[] = [];
    render(<SaveForm action={() => pending.promise} onResult={(ok) => results.push(ok)} />);
    fireEvent.submit(screen.getByRole('button'));
    expect(screen.getByRole('button').textContent).toBe('Enregistrement…');
    expect((screen.getByRole('button') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => pending.resolve(() => 'Paiement enregistré.'));
    expect(screen.getByRole('button').textContent).toBe('Enregistrer');
    expect(screen.getByRole('status').textContent).toBe('Paiement enregistré.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(results).toEqual([true]);
  });

  it('shows the problem the server answered, translated, and announces it at once', async () => {
    const pending = deferred();
    const results: boolean[] = [];
    render(<SaveForm action={() => pending.promise} onResult={(ok) => results.push(ok)} />);
    fireEvent.submit(screen.getByRole('button'));
    await act(async () => pending.reject(new ApiError(409, 'http.409', 'Conflict')));
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('.problem-title')?.textContent).toBe('Conflit');
    expect(screen.getByRole('status').textContent).toBe('');
    expect((screen.getByRole('button') as HTMLButtonElement).disabled).toBe(false);
    expect(results).toEqual([false]);
  });

  it('refuses a second submission while the first is under way, so a double click sends once', async () => {
    const pending = deferred();
    let calls = 0;
    const results: boolean[] = [];
    render(
      <SaveForm
        action={() => {
          calls += 1;
          return pending.promise;
        }}
        onResult={(ok) => results.push(ok)}
      />,
    );
    const form = screen.getByRole('button').closest('form')!;
    fireEvent.submit(form);
    fireEvent.submit(form);
    await act(async () => pending.resolve(() => 'Fait.'));
    expect(calls).toBe(1);
    expect(results.sort()).toEqual([false, true]);
  });

  it('clears the last problem when sent again, and accepts an action that confirms nothing', async () => {
    let fail = true;
    render(
      <SaveForm
        action={async () => (fail ? Promise.reject(new ApiError(0, 'network.unreachable', 'x')) : undefined)}
      />,
    );
    await act(async () => fireEvent.submit(screen.getByRole('button')));
    expect(screen.getByRole('alert')).toBeTruthy();
    fail = false;
    await act(async () => fireEvent.submit(screen.getByRole('button')));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says its confirmation in the language on screen, again after the reader switches language', async () => {
    render(<SaveForm action={async () => (t, format) => t('plans.recorded.agreed') + ' ' + format.money(456525)} />);
    await act(async () => fireEvent.submit(screen.getByRole('button')));
    expect(screen.getByRole('status').textContent).toBe('Plan enregistré et accepté. 4\u202f565,25\u00a0€');
    try {
      await act(async () => void (await i18next.changeLanguage('en')));
      expect(screen.getByRole('status').textContent).toBe('Plan recorded and agreed. €4,565.25');
      await act(async () => void (await i18next.changeLanguage('it')));
      expect(screen.getByRole('status').textContent).toMatch(/^Piano registrato/);
    } finally {
      await act(async () => void (await i18next.changeLanguage('fr')));
    }
  });
});
