// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18next } from '../../i18n/index.js';
import type { FirstLetterState } from './api.js';

const CASE_ID = '00000000-0000-4000-8000-000000000001';
const DOCUMENT_ID = '00000000-0000-4000-8000-000000000002';
const state: { letter: FirstLetterState; role: string } = {
  letter: { caseId: CASE_ID, sentOn: null, reference: null, documentId: null },
  role: 'agent',
};
const issue = vi.fn(() => {
  state.letter = { caseId: CASE_ID, sentOn: '2026-11-25', reference: 'LR-C-1', documentId: DOCUMENT_ID };
  return Promise.resolve({ ...state.letter, contactId: CASE_ID, amountDemandedCents: 100 });
});

const returned = vi.fn((_caseId: string, _body: unknown) =>
  Promise.resolve({ caseId: CASE_ID, addressId: DOCUMENT_ID, outcome: 'marked', taskId: DOCUMENT_ID }),
);

vi.mock('./api.js', () => ({
  recordReturnedMail: (caseId: string, body: unknown) => returned(caseId, body),
  firstLetterPreviewUrl: (caseId: string) => `/api/v1/cases/${caseId}/first-letter/preview`,
  getFirstLetter: () => Promise.resolve(state.letter),
  issueFirstLetter: () => issue(),
}));
vi.mock('../identity/SessionProvider.js', () => ({ useMe: () => ({ role: state.role }) }));

const { FirstLetterPanel } = await import('./FirstLetterPanel.js');

beforeAll(async () => {
  await i18next.changeLanguage('fr');
});
afterEach(() => {
  cleanup();
  state.letter = { caseId: CASE_ID, sentOn: null, reference: null, documentId: null };
  state.role = 'agent';
  issue.mockClear();
  returned.mockClear();
});

describe('the first letter on the case page', () => {
  it('offers the preview and sends the letter only once confirmed, then shows its date, reference and the letter kept', async () => {
    const onChanged = vi.fn();
    render(<FirstLetterPanel caseId={CASE_ID} caseOpen onChanged={onChanged} />);
    expect(await screen.findByRole('heading', { name: 'Première lettre (R124-4)' })).toBeTruthy();
    const preview = await screen.findByRole('link', { name: /Prévisualiser/ });
    expect(preview.getAttribute('href')).toBe(`/api/v1/cases/${CASE_ID}/first-letter/preview`);
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la première lettre' }));
    expect(issue).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Oui, l’envoyer' }));
    expect(await screen.findByText(/Première lettre envoyée, référence LR-C-1/)).toBeTruthy();
    expect(issue).toHaveBeenCalledTimes(1);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/Envoyée le 25\/11\/2026, référence LR-C-1/)).toBeTruthy();
    const kept = screen.getByRole('link', { name: /La lettre envoyée/ });
    expect(kept.getAttribute('href')).toBe(`/api/v1/documents/${DOCUMENT_ID}/file`);
  });

  it('lets a role that only reads contacts preview the letter, not send it', async () => {
    state.role = 'compliance_officer';
    render(<FirstLetterPanel caseId={CASE_ID} caseOpen onChanged={() => undefined} />);
    expect(await screen.findByRole('link', { name: /Prévisualiser/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Envoyer la première lettre' })).toBeNull();
  });

  it('records a letter that came back (NPAI) with its reference, the day and the reason', async () => {
    state.letter = { caseId: CASE_ID, sentOn: '2026-11-25', reference: 'LR-C-1', documentId: DOCUMENT_ID };
    const onChanged = vi.fn();
    render(<FirstLetterPanel caseId={CASE_ID} caseOpen onChanged={onChanged} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Courrier revenu (NPAI)' }));
    expect((screen.getByLabelText('Référence de la lettre') as HTMLInputElement).value).toBe('LR-C-1');
    fireEvent.change(screen.getByLabelText('Jour du retour'), { target: { value: '2026-11-27' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le retour' }));
    expect(await screen.findByText(/Adresse marquée erronée/)).toBeTruthy();
    expect(returned).toHaveBeenCalledWith(CASE_ID, {
      letterReference: 'LR-C-1',
      returnedOn: '2026-11-27',
      reason: 'NPAI',
    });
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('offers no NPAI action to a role that only reads contacts', async () => {
    state.letter = { caseId: CASE_ID, sentOn: '2026-11-25', reference: 'LR-C-1', documentId: DOCUMENT_ID };
    state.role = 'compliance_officer';
    render(<FirstLetterPanel caseId={CASE_ID} caseOpen onChanged={() => undefined} />);
    expect(await screen.findByText(/Envoyée le 25\/11\/2026/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Courrier revenu (NPAI)' })).toBeNull();
  });
});
