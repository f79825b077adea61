import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_CODE_ALPHABET,
  accessCodeFrom,
  challengeState,
  identityMatches,
  maskedEmail,
  maskedPhone,
  maySendCode,
  oneTimeCodeFrom,
  printedAccessCode,
  readAccessCode,
  readOneTimeCode,
  sessionEnd,
  sessionExpiry,
  SIGN_IN,
} from './access.js';
import { agencyHoursInWords, agencyOpenAt } from './agency-hours.js';

const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });

describe('access codes', () => {
  it('are ten characters of the unambiguous alphabet, read back from their printed form however typed', () => {
    fc.assert(
      fc.property(bytes(10), fc.boolean(), (random, lower) => {
        const code = accessCodeFrom(random);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
        const printed = printedAccessCode(code);
        expect(readAccessCode(lower ? printed.toLowerCase() : printed)).toBe(code);
        expect(readAccessCode(` ${printed.replace('-', ' ')} `)).toBe(code);
      }),
    );
  });

  it('read O as zero and I or L as one, and refuse what cannot be a code', () => {
    expect(readAccessCode('O1ILX-23456')).toBe('0111X23456');
    expect(readAccessCode('ABCDE-FGHJ')).toBeNull();
    expect(readAccessCode('ABCDE-FGHJU')).toBeNull();
    expect(readAccessCode('ABCDE-FGHJK-1')).toBeNull();
  });

  it('use every character of the alphabet', () => {
    const seen = new Set(accessCodeFrom(Uint8Array.from({ length: 32 }, (_, i) => i)).split(''));
    expect(seen.size).toBe(10);
    expect(ACCESS_CODE_ALPHABET).toHaveLength(32);
  });
});

describe('one-time codes', () => {
  it('are six digits, drawn without bias, read back however spaced', () => {
    fc.assert(
      fc.property(bytes(32), (random) => {
        const code = oneTimeCodeFrom(random);
        if (code === null) return;
        expect(code).toMatch(/^\d{6}$/);
        expect(readOneTimeCode(`${code.slice(0, 3)} ${code.slice(3)}`)).toBe(code);
      }),
    );
    // The last incomplete million of 2^32 is redrawn, never folded onto low codes.
    expect(oneTimeCodeFrom(Uint8Array.from([0xff, 0xff, 0xff, 0xff]))).toBeNull();
    expect(oneTimeCodeFrom(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 7]))).toBe('000007');
  });
});

describe('the identity check', () => {
  const date = fc
    .date({ min: new Date('1920-01-01'), max: new Date('2008-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('asks the birth date when the file has one, and a postcode then proves nothing', () => {
    fc.assert(
      fc.property(date, date, fc.string(), (onFile, given, postcode) => {
        const onFileFacts = { birthDate: onFile, letterPostcode: postcode };
        expect(identityMatches(onFileFacts, { birthDate: given })).toBe(onFile === given);
        expect(identityMatches(onFileFacts, { postcode })).toBe(false);
      }),
    );
  });

  it('asks the letters’ postcode only when no birth date is on file', () => {
    expect(identityMatches({ birthDate: null, letterPostcode: '75011' }, { postcode: ' 75 011' })).toBe(true);
    expect(identityMatches({ birthDate: null, letterPostcode: '75011' }, { postcode: '75012' })).toBe(false);
    expect(identityMatches({ birthDate: null, letterPostcode: null }, { postcode: '75011' })).toBe(false);
    expect(identityMatches({ birthDate: null, letterPostcode: '75011' }, { birthDate: '1980-01-01' })).toBe(false);
  });
});

describe('what whoever holds a letter sees of the contacts', () => {
  it('never the whole address or number', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        // The first letter and the domain, nothing else of the local part.
        expect(maskedEmail(address)).toBe(`${address[0]}•••${address.slice(address.lastIndexOf('@'))}`);
      }),
    );
    expect(maskedPhone('+33612345678')).toBe('•• •• •• •• 78');
  });
});

describe('a sign-in attempt', () => {
  const t0 = new Date('2026-11-25T09:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const fresh = { createdAt: t0, sentAt: null, sends: 0, wrongAnswers: 0, usedAt: null };

  it('lapses unsent, expires after the code’s life, ends when used or after too many wrong codes', () => {
    expect(challengeState(fresh, at(SIGN_IN.challengeMinutes - 1))).toBe('waiting_for_send');
    expect(challengeState(fresh, at(SIGN_IN.challengeMinutes))).toBe('expired');
    const sent = { ...fresh, sentAt: at(2), sends: 1 };
    expect(challengeState(sent, at(2 + SIGN_IN.codeMinutes - 1))).toBe('code_sent');
    expect(challengeState(sent, at(2 + SIGN_IN.codeMinutes))).toBe('expired');
    expect(challengeState({ ...sent, usedAt: at(3) }, at(3))).toBe('used');
    expect(challengeState({ ...sent, wrongAnswers: SIGN_IN.maxWrongAnswers }, at(3))).toBe('exhausted');
  });

  it('sends at most three codes, and none once it has ended', () => {
    fc.assert(
      fc.property(fc.nat(5), fc.nat(SIGN_IN.maxWrongAnswers + 1), fc.nat(30), (sends, wrong, minutes) => {
        const challenge = { ...fresh, sentAt: sends > 0 ? t0 : null, sends, wrongAnswers: wrong };
        const may = maySendCode(challenge, at(minutes));
        if (may) {
          expect(sends).toBeLessThan(SIGN_IN.maxSends);
          expect(['waiting_for_send', 'code_sent']).toContain(challengeState(challenge, at(minutes)));
        }
      }),
    );
  });
});

describe('a portal session', () => {
  it('slides with use but never past its absolute end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 3600_000 }), (elapsed) => {
        const signedIn = new Date('2026-11-25T09:00:00Z');
        const end = sessionEnd(signedIn);
        const use = new Date(signedIn.getTime() + elapsed);
        const expiry = sessionExpiry(use, end);
        expect(expiry.getTime()).toBeLessThanOrEqual(end.getTime());
        if (use < end) expect(expiry.getTime()).toBeGreaterThan(use.getTime());
      }),
    );
  });
});

describe('the agency’s hours', () => {
  const hours = 'mon-fri 09:00-19:00;sat 09:00-12:00';

  it('are said in each language', () => {
    expect(agencyHoursInWords(hours, 'fr')).toBe('du lundi au vendredi de 9 h à 19 h ; le samedi de 9 h à 12 h');
    expect(agencyHoursInWords(hours, 'en')).toBe('Monday to Friday 09:00 to 19:00; Saturday 09:00 to 12:00');
    expect(agencyHoursInWords(hours, 'it')).toBe(
      'dal lunedì al venerdì dalle 09:00 alle 19:00; il sabato dalle 09:00 alle 12:00',
    );
  });

  it('open exactly within a span, its end excluded', () => {
    expect(agencyOpenAt(hours, 3, '09:00')).toBe(true);
    expect(agencyOpenAt(hours, 3, '18:59')).toBe(true);
    expect(agencyOpenAt(hours, 3, '19:00')).toBe(false);
    expect(agencyOpenAt(hours, 6, '11:30')).toBe(true);
    expect(agencyOpenAt(hours, 6, '12:00')).toBe(false);
    expect(agencyOpenAt(hours, 0, '10:00')).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1439 }), (day, minute) => {
        const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const expected =
          day >= 1 && day <= 5 ? hhmm >= '09:00' && hhmm < '19:00' : day === 6 && hhmm >= '09:00' && hhmm < '12:00';
        expect(agencyOpenAt(hours, day, hhmm)).toBe(expected);
      }),
    );
  });
});
