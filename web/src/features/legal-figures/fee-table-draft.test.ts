// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { feeDraftOf, readFeeDraft, withBandAdded, type FeeDraft } from './fee-table-draft.js';

const TABLE = {
  floorCents: 2128,
  floorUptoCents: 18800,
  capCents: 554000,
  bands: [
    { uptoCents: 12500, rateBp: 1161 },
    { uptoCents: 5240000, rateBp: 387 },
    { uptoCents: null, rateBp: 298 },
  ],
  tag: 'check' as const,
  source: 'C. com. A444-32',
  validFrom: '2021-01-01',
  inForce: true,
};

describe('the fee table form', () => {
  it('starts from the table in force, written as a person types it, and reads back to the same figures', () => {
    const draft = feeDraftOf(TABLE, '2027-01-13', 'fr');
    expect(draft).toMatchObject({ floor: '21,28', floorUpto: '188', cap: '5540', validFrom: '2027-01-13' });
    expect(draft.bands.map((band) => [band.upto, band.rate])).toEqual([
      ['125', '11,61'],
      ['52400', '3,87'],
      ['', '2,98'],
    ]);
    const { inForce: _inForce, ...body } = TABLE;
    expect(readFeeDraft(draft).body).toEqual({ ...body, validFrom: '2027-01-13' });
    expect(readFeeDraft(feeDraftOf(TABLE, '2027-01-13', 'en')).body).toEqual({ ...body, validFrom: '2027-01-13' });
  });

  it('reads amounts in euros to cents and rates in percent to basis points, the last band open', () => {
    const draft: FeeDraft = {
      validFrom: '2027-03-01',
      source: '  Arrêté du 1er mars 2027 ',
      tag: 'law',
      floor: '20',
      floorUpto: '125,5',
      cap: '5 000',
      bands: [
        { key: 0, upto: '10 000', rate: '5' },
        { key: 1, upto: '', rate: '0,29' },
      ],
    };
    expect(readFeeDraft(draft)).toEqual({
      body: {
        validFrom: '2027-03-01',
        source: 'Arrêté du 1er mars 2027',
        tag: 'law',
        floorCents: 2000,
        floorUptoCents: 12550,
        capCents: 500000,
        bands: [
          { uptoCents: 1000000, rateBp: 500 },
          { uptoCents: null, rateBp: 29 },
        ],
      },
      invalid: [],
    });
  });

  it('names every field typed wrong, in the order of the form, and sends nothing', () => {
    const draft: FeeDraft = {
      ...feeDraftOf(TABLE, '2027-01-13', 'fr'),
      floor: 'vingt',
      bands: [
        { key: 4, upto: '', rate: '5' },
        { key: 7, upto: '100', rate: '4,555' },
        { key: 2, upto: 'ignored: the open band has no bound', rate: '' },
      ],
    };
    expect(readFeeDraft(draft)).toEqual({
      body: null,
      invalid: ['floor', 'band-4-upto', 'band-7-rate', 'band-2-rate'],
    });
  });

  it('adds a band before the open one, which stays last', () => {
    const bands = feeDraftOf(TABLE, '2027-01-13', 'fr').bands;
    expect(withBandAdded(bands, 9).map((band) => band.key)).toEqual([0, 1, 9, 2]);
  });
});
