import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStopReply, normaliseReply, STOP_KEYWORDS } from './stop-reply.js';

/** The same word as a debtor might type it: any case, accents on the vowels, punctuation and spaces around. */
const typed = (word: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
      fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
      fc.constantFrom('', ' ', '  ', '\n', '\t '),
      fc.constantFrom('', '.', '!', ' !', '!!!', '...', ' :)', '?'),
      fc.constantFrom('', ' ', '\n'),
    )
    .map(([upper, accent, before, punctuation, after]) => {
      const letters = [...word].map((char, i) => {
        let out = accent[i] && /[aeiou]/.test(char) ? `${char}\u0301` : char;
        if (upper[i]) out = out.toUpperCase();
        return out;
      });
      return `${before}${letters.join('')}${punctuation}${after}`;
    });

describe('isStopReply', () => {
  it.each([
    'STOP',
    'Stop.',
    'stop sms',
    'STOP SMS',
    'ARRET',
    'ARRÊT',
    'Arrêtez !',
    'STOP 36180',
    'stop au 36180',
    ' stop ',
    'Stop merci',
    'STOP SVP',
    "Stop, s'il vous plaît",
    'unsubscribe',
    'Stop all',
    'basta',
    'Basta messaggi, grazie',
    'Cancellami',
    'désabonnement',
  ])('reads %j as a request to stop SMS', (text) => {
    expect(isStopReply(text)).toBe(true);
  });

  it.each([
    '',
    'non grazie',
    'no thanks',
    'I will stop by tomorrow',
    'Je veux stopper le prélèvement',
    'non-stop',
    'stopover',
    'bus stop',
    'Please call me, stop sending letters to my work',
    'Pourquoi arrêter ?',
    'OK',
    'Je vais payer lundi',
    'arrestation',
  ])('does not read %j as one', (text) => {
    expect(isStopReply(text)).toBe(false);
  });

  it('ignores case, accents, punctuation and surrounding spaces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STOP_KEYWORDS).chain((keyword) => typed(keyword)),
        (text) => {
          expect(isStopReply(text)).toBe(true);
        },
      ),
    );
  });

  it('does not count a keyword inside a longer word or a sentence', () => {
    const word = fc.stringMatching(/^[a-z]{2,8}$/).filter((w) => !STOP_KEYWORDS.some((k) => k.includes(w)));
    fc.assert(
      fc.property(fc.constantFrom(...STOP_KEYWORDS), word, word, word, (keyword, a, b, c) => {
        // Glued to other letters: another word.
        expect(isStopReply(`${keyword}${a}`)).toBe(false);
        expect(isStopReply(`${a}${keyword}`)).toBe(false);
        // Among other words: a sentence that uses it.
        expect(isStopReply(`${a} ${b} ${keyword} ${c}`)).toBe(false);
      }),
    );
  });

  it('normalises a reply to its bare words', () => {
    expect(normaliseReply('  ARRÊT !! SMS… ')).toBe('arret sms');
  });
});
