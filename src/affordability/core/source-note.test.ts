import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSource } from './source-note.js';

describe('the source of a reference figure', () => {
  it('reads the notes of the shipped figures by key, keeping the legal citation as written', () => {
    expect(readSource('Code du travail R3252-2, R3252-3 (2026 scale: secondary sources, to check)')).toEqual({
      citation: 'Code du travail R3252-2, R3252-3',
      notes: [{ key: 'scale', year: 2026 }, { key: 'toConfirm' }],
    });
    expect(readSource('Code du travail R3252-2, R3252-3 (2024 scale)')).toEqual({
      citation: 'Code du travail R3252-2, R3252-3',
      notes: [{ key: 'scale', year: 2024 }],
    });
    expect(readSource('CASF L262-2 (from 1 April 2026: secondary sources, to check)')).toEqual({
      citation: 'CASF L262-2',
      notes: [{ key: 'from', date: '2026-04-01' }, { key: 'toConfirm' }],
    });
    expect(readSource("placeholder: replace with the agency's figure")).toEqual({
      citation: '',
      notes: [{ key: 'placeholder' }],
    });
  });

  it('reads the English note the shipped living floor carries as a note by key, with no citation (no statute sets it)', () => {
    expect(readSource('indicative: 100 € for one person, 50 € per other person; the agency sets its own')).toEqual({
      citation: '',
      notes: [{ key: 'agencyFloor' }],
    });
  });

  it('keeps a citation without notes, and what a person typed, whole', () => {
    expect(readSource('Code du travail R3252-2, R3252-3; décret 2024-1231')).toEqual({
      citation: 'Code du travail R3252-2, R3252-3; décret 2024-1231',
      notes: [],
    });
    expect(readSource('Décret 2026-12 (JO du 3 janvier)')).toEqual({
      citation: 'Décret 2026-12 (JO du 3 janvier)',
      notes: [],
    });
  });

  it('never loses a word: a source is either read whole as its citation or split into a citation and known notes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (source) => {
        const parts = readSource(source);
        if (parts.notes.length === 0) expect(parts.citation).toBe(source);
        else expect(source.startsWith(parts.citation)).toBe(true);
      }),
    );
  });
});
