import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refuseDeadlineRow, refuseFeeTable } from './figures.js';

const open = { uptoCents: null, rateBp: 298 };

describe('a new row of legal figures', () => {
  it('starts today or later, on a day no row of the same figure starts on', () => {
    expect(refuseDeadlineRow({ validFrom: '2026-12-02' }, '2026-12-03', [])).toBe('legal_figures.valid_from_past');
    expect(refuseDeadlineRow({ validFrom: '2026-12-03' }, '2026-12-03', ['2026-12-03'])).toBe(
      'legal_figures.already_dated',
    );
    expect(refuseDeadlineRow({ validFrom: '2026-12-03' }, '2026-12-03', ['2020-01-01'])).toBeNull();
  });

  it('is a fee table whose bands rise, the last one open, the floor under the cap', () => {
    const table = {
      validFrom: '2027-01-01',
      floorCents: 2128,
      capCents: 554_000,
      bands: [{ uptoCents: 12_500, rateBp: 1161 }, { uptoCents: 61_000, rateBp: 1064 }, open],
    };
    expect(refuseFeeTable(table, '2026-12-03', [])).toBeNull();
    expect(refuseFeeTable({ ...table, bands: [table.bands[1]!, table.bands[0]!, open] }, '2026-12-03', [])).toBe(
      'legal_figures.bands_unordered',
    );
    expect(refuseFeeTable({ ...table, bands: table.bands.slice(0, 2) }, '2026-12-03', [])).toBe(
      'legal_figures.last_band_open',
    );
    expect(refuseFeeTable({ ...table, bands: [open, open] }, '2026-12-03', [])).toBe('legal_figures.last_band_open');
    expect(refuseFeeTable({ ...table, floorCents: 600_000 }, '2026-12-03', [])).toBe('legal_figures.floor_above_cap');
  });

  it('accepts exactly the tables whose closed bounds rise strictly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 0, maxLength: 8 }), (bounds) => {
        const bands = [...bounds.map((uptoCents) => ({ uptoCents, rateBp: 100 })), open];
        const rising = bounds.every((bound, i) => i === 0 || bound > bounds[i - 1]!);
        const refusal = refuseFeeTable(
          { validFrom: '2027-01-01', floorCents: 0, capCents: 1, bands },
          '2027-01-01',
          [],
        );
        expect(refusal === null).toBe(rising);
      }),
    );
  });
});
