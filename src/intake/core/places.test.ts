import { describe, expect, it } from 'vitest';
import { frenchDepartment, parseCountry, parsePostalCode, SUPPORTED_COUNTRIES, timeZoneFor } from './places.js';

describe('parseCountry', () => {
  it('accepts EU, EEA, Swiss and British codes in any case; blank is FR', () => {
    expect(parseCountry('fr')).toEqual({ ok: true, country: 'FR' });
    expect(parseCountry(' IT ')).toEqual({ ok: true, country: 'IT' });
    expect(parseCountry('')).toEqual({ ok: true, country: 'FR' });
    for (const code of ['DE', 'ES', 'BE', 'NO', 'IS', 'LI', 'CH', 'GB']) expect(parseCountry(code).ok).toBe(true);
    expect(SUPPORTED_COUNTRIES).toHaveLength(32);
  });

  it('refuses names, other codes and countries outside the area, with a hint where one helps', () => {
    expect(parseCountry('France')).toMatchObject({
      ok: false,
      code: 'country.invalid',
      message: expect.stringContaining('"FR"'),
    });
    expect(parseCountry('UK')).toMatchObject({
      ok: false,
      code: 'country.invalid',
      message: expect.stringContaining('"GB"'),
    });
    expect(parseCountry('FRA')).toMatchObject({ ok: false, code: 'country.invalid' });
    expect(parseCountry('US')).toMatchObject({ ok: false, code: 'country.unsupported' });
    expect(parseCountry('MA')).toMatchObject({ ok: false, code: 'country.unsupported' });
  });
});

describe('French départements', () => {
  it.each([
    ['75011', '75'],
    ['01000', '01'],
    ['57000', '57'],
    ['67000', '67'],
    ['68000', '68'],
    ['20000', '2A'],
    ['20190', '2A'],
    ['20200', '2B'],
    ['20600', '2B'],
    ['97110', '971'],
    ['97200', '972'],
    ['97300', '973'],
    ['97400', '974'],
    ['97500', '975'],
    ['97600', '976'],
  ])('%s is in %s', (code, department) => {
    expect(frenchDepartment(code)).toBe(department);
  });

  it.each(['00100', '20700', '97700', '98000', '99000', '96000', '7501', 'ABCDE'])('%s is not French', (code) => {
    expect(frenchDepartment(code)).toBeNull();
  });
});

describe('parsePostalCode', () => {
  it('gives the département for France and removes inner spaces', () => {
    expect(parsePostalCode('75 011', 'FR')).toEqual({ ok: true, postalCode: '75011', subdivision: '75' });
    expect(parsePostalCode('97400', 'FR')).toEqual({ ok: true, postalCode: '97400', subdivision: '974' });
  });

  it('says when a spreadsheet dropped the leading zero, and refuses Monaco codes', () => {
    expect(parsePostalCode('1000', 'FR')).toMatchObject({
      ok: false,
      code: 'postal_code.invalid',
      message: expect.stringContaining('01000'),
    });
    expect(parsePostalCode('98000', 'FR')).toMatchObject({
      ok: false,
      code: 'postal_code.invalid',
      message: expect.stringContaining('Monaco'),
    });
    expect(parsePostalCode('750011', 'FR')).toMatchObject({ ok: false, code: 'postal_code.invalid' });
  });

  it('checks Italian codes as 5 digits with no province', () => {
    expect(parsePostalCode('00184', 'IT')).toEqual({ ok: true, postalCode: '00184', subdivision: null });
    expect(parsePostalCode('184', 'IT')).toMatchObject({ ok: false, code: 'postal_code.invalid' });
  });

  it('accepts other countries’ formats, upper-cased', () => {
    expect(parsePostalCode('sw1a 1aa', 'GB')).toEqual({ ok: true, postalCode: 'SW1A 1AA', subdivision: null });
    expect(parsePostalCode('1000', 'BE')).toEqual({ ok: true, postalCode: '1000', subdivision: null });
    expect(parsePostalCode('#', 'DE')).toMatchObject({ ok: false, code: 'postal_code.invalid' });
  });
});

describe('timeZoneFor', () => {
  it.each([
    ['FR', '75', 'Europe/Paris'],
    ['FR', '2A', 'Europe/Paris'],
    ['FR', '971', 'America/Guadeloupe'],
    ['FR', '972', 'America/Martinique'],
    ['FR', '973', 'America/Cayenne'],
    ['FR', '974', 'Indian/Reunion'],
    ['FR', '976', 'Indian/Mayotte'],
    ['IT', null, 'Europe/Rome'],
    ['PT', null, 'Europe/Lisbon'],
    ['IS', null, 'Atlantic/Reykjavik'],
    ['CY', null, 'Asia/Nicosia'],
  ])('%s %s → %s', (country, subdivision, zone) => {
    expect(timeZoneFor(country, subdivision)).toBe(zone);
  });

  it('every accepted country has a zone the runtime knows', () => {
    for (const country of SUPPORTED_COUNTRIES) {
      const zone = timeZoneFor(country, null);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
    }
  });

  it('refuses a country that is not accepted', () => {
    expect(() => timeZoneFor('US', null)).toThrow(RangeError);
  });
});
