import type { FeeTableBody, FeeTableView } from '../../../../src/legal-figures/contract.js';
import { centsToInput, parseEurosToCents } from '../../i18n/format.js';
import type { Locale } from '../../i18n/index.js';
import { basisPointsToInput, parsePercentToBasisPoints } from './rates.js';

/** A band as typed: its upper bound in euros (ignored for the last, open band) and its rate in percent. */
export interface BandDraft {
  key: number;
  upto: string;
  rate: string;
}

/** The fee table form's values, as typed. */
export interface FeeDraft {
  validFrom: string;
  source: string;
  tag: FeeTableBody['tag'];
  floor: string;
  floorUpto: string;
  cap: string;
  bands: BandDraft[];
}

/** The fields an amount or a rate is typed in, named as the form's ids end (`floor`, `band-3-rate`…). */
export type DraftField = 'floor' | 'floorUpto' | 'cap' | `band-${number}-upto` | `band-${number}-rate`;

/** The form prefilled from a table (the one in force), so a correction changes only what it corrects. */
export function feeDraftOf(table: FeeTableView | undefined, validFrom: string, locale: Locale): FeeDraft {
  const euros = (cents: number | undefined) => (cents === undefined ? '' : centsToInput(cents, locale));
  return {
    validFrom,
    source: table?.source ?? '',
    tag: table?.tag ?? 'check',
    floor: euros(table?.floorCents),
    floorUpto: euros(table?.floorUptoCents),
    cap: euros(table?.capCents),
    bands: (table?.bands ?? [{ uptoCents: null, rateBp: 0 }]).map((band, key) => ({
      key,
      upto: euros(band.uptoCents ?? undefined),
      rate: basisPointsToInput(band.rateBp, locale),
    })),
  };
}

/**
 * The body to send, or the fields typed wrong, in the form's order: amounts in euros to integer cents, rates in
 * percent to basis points, neither through a float. Whether the bands rise and the floor stays under the cap is the
 * server's to say (core/figures.ts), next to the fields it names.
 */
export function readFeeDraft(
  draft: FeeDraft,
): { body: FeeTableBody; invalid: [] } | { body: null; invalid: DraftField[] } {
  const invalid: DraftField[] = [];
  const cents = (field: DraftField, text: string) => {
    const value = parseEurosToCents(text);
    if (value === null) invalid.push(field);
    return value ?? 0;
  };
  const floorCents = cents('floor', draft.floor);
  const floorUptoCents = cents('floorUpto', draft.floorUpto);
  const capCents = cents('cap', draft.cap);
  const bands = draft.bands.map((band, index) => {
    const open = index === draft.bands.length - 1;
    const uptoCents = open ? null : cents(`band-${band.key}-upto`, band.upto);
    const rateBp = parsePercentToBasisPoints(band.rate);
    if (rateBp === null) invalid.push(`band-${band.key}-rate`);
    return { uptoCents, rateBp: rateBp ?? 0 };
  });
  if (invalid.length > 0) return { body: null, invalid };
  const { validFrom, tag } = draft;
  return {
    body: { floorCents, floorUptoCents, capCents, bands, tag, source: draft.source.trim(), validFrom },
    invalid: [],
  };
}

/** A new band, added before the open one (the open band stays last). */
export function withBandAdded(bands: readonly BandDraft[], key: number): BandDraft[] {
  return [...bands.slice(0, -1), { key, upto: '', rate: '' }, ...bands.slice(-1)];
}
