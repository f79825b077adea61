import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEBT_WORD_NAMES,
  fromGsmSeptets,
  gsmSeptets,
  lockScreenFindings,
  SEGMENT_LIMITS,
  smsEncoding,
  smsSize,
  splitSms,
} from './sms-text.js';

const GSM_BASIC_SAMPLE = [...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡AZÄÖÑÜ§¿azäöñüà\n'];
const GSM_EXTENSION = [...'^{}\\[~]|€'];
const gsmText = fc
  .array(fc.oneof(fc.constantFrom(...GSM_BASIC_SAMPLE), fc.constantFrom(...GSM_EXTENSION)), { maxLength: 500 })
  .map((chars) => chars.join(''));
const anyText = fc.string({ unit: 'grapheme', maxLength: 300 });

/** Septets or code units of a text, counted independently of the module. */
const units = (text: string) =>
  smsEncoding(text) === 'gsm7'
    ? [...text].reduce((sum, char) => sum + (GSM_EXTENSION.includes(char) ? 2 : 1), 0)
    : text.length;

describe('SMS encoding and segments', () => {
  it('counts 160 septets in one GSM SMS and 153 a part beyond', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(smsSize('a'.repeat(306)).segments).toBe(2);
    expect(smsSize('a'.repeat(307)).segments).toBe(3);
  });

  it('counts an extension character as two septets', () => {
    expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSize(`${'a'.repeat(159)}€`).segments).toBe(2);
  });

  it('switches to UCS-2 for a character outside the GSM alphabet: 70, then 67 a part', () => {
    expect(smsSize(`${'a'.repeat(69)}ç`)).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsSize(`ê${'a'.repeat(70)}`).segments).toBe(2);
    expect(smsSize('ê'.repeat(134)).segments).toBe(2);
    expect(smsSize('ê'.repeat(135)).segments).toBe(3);
    expect(smsEncoding('Bonjour, rappelez-nous à l’agence')).toBe('ucs2');
    expect(smsEncoding("Bonjour, rappelez-nous à l'agence")).toBe('gsm7');
  });

  it('splits a text into parts that join back to it, each fitting its limit, as many as counted', () => {
    fc.assert(
      fc.property(fc.oneof(gsmText, anyText), (text) => {
        const parts = splitSms(text);
        const { encoding, segments } = smsSize(text);
        expect(parts.join('')).toBe(text);
        expect(parts.length).toBe(segments);
        const limit = parts.length === 1 ? SEGMENT_LIMITS[encoding].single : SEGMENT_LIMITS[encoding].part;
        // Each part is measured in the whole text's encoding (a GSM part of a UCS-2 text still counts code units).
        for (const part of parts) {
          const length = encoding === 'gsm7' ? units(part) : part.length;
          expect(length).toBeLessThanOrEqual(limit);
          if (text !== '') expect(length).toBeGreaterThan(0);
        }
        expect(segments === 1).toBe(units(text) <= SEGMENT_LIMITS[encoding].single);
      }),
    );
  });

  it('needs the fewest parts: every part but the last is full but for one character', () => {
    fc.assert(
      fc.property(gsmText, (text) => {
        const parts = splitSms(text);
        if (parts.length === 1) return;
        for (const part of parts.slice(0, -1)) expect(units(part)).toBeGreaterThanOrEqual(152);
      }),
    );
  });

  it('never cuts a surrogate pair', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('😀', 'a', 'é'), { minLength: 60, maxLength: 200 }), (chars) => {
        for (const part of splitSms(chars.join(''))) expect(part).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      }),
    );
  });

  it('encodes GSM text as septets and reads them back', () => {
    fc.assert(
      fc.property(gsmText, (text) => {
        const septets = gsmSeptets(text);
        expect(septets).not.toBeNull();
        expect(septets!.length).toBe(units(text));
        expect(fromGsmSeptets(septets!)).toBe(text);
      }),
    );
    expect(Array.from(gsmSeptets('@€a')!)).toEqual([0x00, 0x1b, 0x65, 0x61]);
    expect(gsmSeptets('ç')).toBeNull();
  });
});

describe('lockScreenFindings', () => {
  it('finds nothing in a neutral message', () => {
    const neutral = [
      'Accord: merci de nous rappeler au 01 84 80 00 00, réf. ACC-2026-000123. STOP au 36180',
      'Accord: please call us on +33 1 84 80 00 00 about file ACC-2026-000123. Reply STOP to opt out',
      'Accord: la preghiamo di richiamarci allo 06 1234 5678, rif. ACC-2026-000123. STOP per non ricevere SMS',
      'Rendez-vous le 04.12.2026 à 14h30',
    ];
    for (const text of neutral) expect(lockScreenFindings(text)).toEqual([]);
  });

  it.each([
    ['Votre dette de 120 €', ['word', 'amount']],
    ['Your debt: EUR 1,250.00', ['word', 'amount']],
    ['Il suo debito', ['word']],
    ['Agence de RECOUVREMENT', ['word']],
    ['Facture impayée', ['word']],
    ['Unpaid invoice', ['word']],
    ['Rata insoluta', ['word']],
    ['Avant passage de l’huissier', ['word']],
    ['Bailiffs will call', ['word']],
    ["Intervento dell'ufficiale giudiziario", ['word']],
    ['Montant: 45,90', ['amount']],
    ['1 234,56 euros', ['amount']],
    ['$300 due', ['amount']],
    ['Mise en demeure', ['word']],
  ])('finds in %j: %j', (text, kinds) => {
    expect(lockScreenFindings(text).map((finding) => finding.kind)).toEqual(kinds);
  });

  it('finds each word of debt whatever its case and accents, and points at it in the text', () => {
    const samples: Record<string, string> = {
      dette: 'dette',
      debt: 'DEBT',
      debito: 'Debiti',
      debiteur: 'Débiteur',
      debtor: 'debtors',
      debitore: 'debitore',
      creance: 'créance',
      creancier: 'CRÉANCIER',
      creditor: 'creditor',
      creditore: 'creditori',
      recouvrement: 'recouvrement',
      recovery: 'Recovery',
      recupero: 'recupero',
      impaye: 'IMPAYÉS',
      unpaid: 'unpaid',
      arrears: 'arrears',
      overdue: 'Overdue',
      arretrato: 'arretrati',
      insoluto: 'insoluto',
      morosita: 'morosità',
      contentieux: 'Contentieux',
      contenzioso: 'contenzioso',
      huissier: 'huissier',
      commissaire_de_justice: 'commissaire de justice',
      bailiff: 'bailiff',
      ufficiale_giudiziario: 'ufficiale  giudiziario',
      saisie: 'saisie',
      pignoramento: 'pignoramento',
      mise_en_demeure: 'mise en demeure',
    };
    expect(Object.keys(samples).sort()).toEqual([...DEBT_WORD_NAMES].sort());
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.entries(samples)),
        fc.constantFrom('', 'Bonjour ', 'Accord: '),
        fc.constantFrom('', '.', ' en cours', '!'),
        ([word, sample], before, after) => {
          const findings = lockScreenFindings(`${before}${sample}${after}`);
          expect(findings).toEqual([{ kind: 'word', word, index: before.length, excerpt: sample }]);
        },
      ),
    );
  });

  it('does not read a word of debt inside another word', () => {
    for (const text of ['débit de la ligne', 'debutant', 'dettagli', 'saisies', 'recoveryx']) {
      expect(lockScreenFindings(text).filter((f) => f.kind === 'word' && f.excerpt !== 'saisies')).toEqual([]);
    }
  });

  it('finds any amount written with a currency or with cents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('{n} €', '{n}€', '€{n}', 'EUR {n}', '{n} euros', '{n},{c}', '{n}.{c}', '{n},{c} €'),
        (units, cents, form) => {
          const amount = form.replace('{n}', String(units)).replace('{c}', String(cents).padStart(2, '0'));
          const findings = lockScreenFindings(`Accord: ${amount} à régler`);
          expect(findings.map((finding) => finding.kind)).toEqual(['amount']);
          expect(findings[0]!.excerpt).toBe(amount);
        },
      ),
    );
  });
});
