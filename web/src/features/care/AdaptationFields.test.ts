import { describe, expect, it } from 'vitest';
import { contactAdaptationsSchema } from '../../../../src/care/contract.js';
import { adaptationsOfDraft, draftOfAdaptations, emptyAdaptations } from './AdaptationFields.js';

describe('the adaptations form', () => {
  it('sends nothing narrowed when nothing is ticked or typed', () => {
    expect(adaptationsOfDraft(emptyAdaptations)).toEqual({
      channels: null,
      windows: null,
      minDaysBetweenContacts: null,
      thirdPartyPresent: false,
    });
  });

  it('sends what the contact policy reads, and reads it back into the same fields', () => {
    const draft = { writtenOnly: true, from: '17:00', to: '', paceDays: '14', thirdParty: true };
    const sent = adaptationsOfDraft(draft);
    expect(contactAdaptationsSchema.parse(sent)).toEqual(sent);
    expect(sent.windows).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '17:00', to: '24:00' },
    ]);
    expect(draftOfAdaptations(sent)).toEqual({ ...draft, to: '24:00' });
  });
});
