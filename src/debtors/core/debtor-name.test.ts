import { describe, expect, it } from 'vitest';
import { debtorName } from './debtor-name.js';

describe('debtorName', () => {
  it('names a person "First LAST" and a company by its name', () => {
    expect(debtorName({ kind: 'person', first_name: 'Claire', last_name: 'Moreau', company_name: null })).toBe(
      'Claire MOREAU',
    );
    expect(
      debtorName({ debtor_kind: 'company', first_name: null, last_name: null, company_name: 'Boulangerie Paul' }),
    ).toBe('Boulangerie Paul');
  });

  it('keeps what a person has when a part of the name is missing', () => {
    expect(debtorName({ kind: 'person', first_name: null, last_name: 'Moreau', company_name: null })).toBe('MOREAU');
    expect(debtorName({ kind: 'person', first_name: 'Claire', last_name: null, company_name: 'ignored' })).toBe(
      'Claire',
    );
  });
});
