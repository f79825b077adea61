import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../platform/calendar/dates.js';
import { cleanFileName, contentDisposition, FILE_NAME_MAX_LENGTH } from './file-name.js';
import { pastRetention, periodInForce, retainUntil, type RetentionPeriod } from './retention.js';
import { isPlainText, sniffMediaType } from './sniff.js';
import { creditorMaySee, decideUpload, DOCUMENT_SOURCES, DOCUMENT_TYPES } from './types.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('sniffing a file from its bytes', () => {
  it('knows PDF, PNG, JPEG and both TIFF byte orders by their signatures', () => {
    expect(sniffMediaType(text('%PDF-1.7\n%âãÏÓ'), false)).toBe('application/pdf');
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), false)).toBe('image/png');
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), false)).toBe('image/jpeg');
    expect(sniffMediaType(bytes(0x49, 0x49, 0x2a, 0x00, 8, 0), false)).toBe('image/tiff');
    expect(sniffMediaType(bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 8), false)).toBe('image/tiff');
  });

  it('refuses a Windows program whatever its name, and other binaries', () => {
    expect(sniffMediaType(bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00), true)).toBeNull();
    expect(sniffMediaType(text('PK\u0003\u0004'), true)).toBeNull(); // a zip (an Office file)
    expect(sniffMediaType(bytes(0x7f, 0x45, 0x4c, 0x46), true)).toBeNull(); // ELF
    expect(sniffMediaType(bytes(), true)).toBeNull();
  });

  it('takes UTF-8 text with line breaks and accents as plain text, not invalid or overlong sequences', () => {
    expect(sniffMediaType(text('Madame,\r\nJe vous écris au sujet du dossier…\n'), true)).toBe('text/plain');
    expect(isPlainText(bytes(0xef, 0xbb, 0xbf, 0x41), true)).toBe(true);
    expect(isPlainText(bytes(0xc0, 0xaf), true)).toBe(false);
    expect(isPlainText(bytes(0xe0, 0x80, 0xaf), true)).toBe(false);
    expect(isPlainText(bytes(0xed, 0xa0, 0x80), true)).toBe(false);
    expect(isPlainText(bytes(0x41, 0xc3), true)).toBe(false);
    expect(isPlainText(bytes(0x41, 0xc3), false)).toBe(true);
  });

  it('reads any valid string without control characters as text, and none with a NUL', () => {
    const clean = fc
      .string({ unit: 'grapheme', minLength: 1 })
      // eslint-disable-next-line no-control-regex
      .filter((s) => !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(s));
    fc.assert(
      fc.property(clean, (value) => {
        expect(isPlainText(text(value), true)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        expect(sniffMediaType(text(`${before}\u0000${after}`), true)).not.toBe('text/plain');
      }),
    );
  });
});

describe('file names', () => {
  it('keeps the last segment of a path-like name, never a path', () => {
    expect(cleanFileName('../../etc/passwd', 'document')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\paul\\relevé.pdf', 'document')).toBe('relevé.pdf');
    expect(cleanFileName('..', 'document')).toBe('document');
    expect(cleanFileName('a\u0000b\r\n.pdf', 'document')).toBe('ab.pdf');
    expect(cleanFileName('evil\u202egpj.exe', 'document')).toBe('evilgpj.exe');
  });

  it('never returns a separator, a control character, an empty name or one too long', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const name = cleanFileName(raw, 'document');
        // eslint-disable-next-line no-control-regex
        expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f]/);
        expect(name.length).toBeGreaterThan(0);
        expect(Array.from(name).length).toBeLessThanOrEqual(FILE_NAME_MAX_LENGTH);
        expect(['.', '..']).not.toContain(name);
      }),
    );
  });

  it('encodes Content-Disposition so that no name breaks the header, and the exact name survives', () => {
    expect(contentDisposition('relevé "mai".pdf')).toBe(
      `attachment; filename="relev_ _mai_.pdf"; filename*=UTF-8''relev%C3%A9%20%22mai%22.pdf`,
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (raw) => {
        const name = cleanFileName(raw, 'document');
        const header = contentDisposition(name);
        expect(header).toMatch(/^[\x20-\x7e]+$/);
        const [, fallback, encoded] = /^attachment; filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9%!._~-]*)$/.exec(
          header,
        )!;
        expect(Array.from(fallback!).length).toBe(Array.from(name).length);
        expect(decodeURIComponent(encoded!)).toBe(name);
      }),
    );
  });
});

describe('retention', () => {
  const periods: RetentionPeriod[] = [
    { documentType: 'proof_of_income', validFrom: '2020-01-01', monthsAfterClosure: 12, basis: 'minimisation' },
    { documentType: 'proof_of_income', validFrom: '2027-01-01', monthsAfterClosure: 6, basis: 'minimisation' },
    { documentType: 'court_decision', validFrom: '2020-01-01', monthsAfterClosure: 120, basis: 'enforcement' },
  ];

  it('takes the period in force on the day of the upload', () => {
    expect(periodInForce(periods, 'proof_of_income', '2026-12-31')?.monthsAfterClosure).toBe(12);
    expect(periodInForce(periods, 'proof_of_income', '2027-01-01')?.monthsAfterClosure).toBe(6);
    expect(periodInForce(periods, 'court_decision', '2019-12-31')).toBeNull();
    expect(periodInForce(periods, 'other', '2026-01-01')).toBeNull();
  });

  it('keeps a document while its case is open, and until the last day of its period after closure', () => {
    expect(retainUntil(null, 12)).toBeNull();
    expect(retainUntil('2026-01-31', 1)).toBe('2026-02-28');
    expect(pastRetention(null, 1, '2099-01-01')).toBe(false);
    expect(pastRetention('2025-06-30', 12, '2026-06-30')).toBe(false);
    expect(pastRetention('2025-06-30', 12, '2026-07-01')).toBe(true);
  });

  it('deletes exactly the days after the last kept day', () => {
    const day = fc
      .integer({ min: 0, max: 40_000 })
      .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 1200 }), day, (closedOn, months, today) => {
        expect(pastRetention(closedOn, months, today)).toBe(today > addMonths(closedOn, months));
      }),
    );
  });
});

describe('who sees and shares what', () => {
  it('makes a medical proof special category, and never shares special category with a creditor', () => {
    expect(
      decideUpload(
        { type: 'medical_proof', source: 'debtor', sharedWithCreditor: false, specialCategory: false },
        { creditorUser: false },
      ),
    ).toEqual({
      ok: true,
      source: 'debtor',
      sharedWithCreditor: false,
      specialCategory: true,
    });
    expect(
      decideUpload(
        { type: 'medical_proof', source: 'debtor', sharedWithCreditor: true, specialCategory: false },
        { creditorUser: false },
      ),
    ).toEqual({
      ok: false,
      code: 'documents.special_category_not_shared',
    });
  });

  it('records a creditor user’s upload as the creditor’s own, shared with it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DOCUMENT_TYPES),
        fc.constantFrom(...DOCUMENT_SOURCES),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (type, source, sharedWithCreditor, specialCategory, creditorUser) => {
          const decision = decideUpload({ type, source, sharedWithCreditor, specialCategory }, { creditorUser });
          if (!decision.ok) return;
          expect(decision.specialCategory && decision.sharedWithCreditor).toBe(false);
          if (creditorUser) expect(decision).toMatchObject({ source: 'creditor', sharedWithCreditor: true });
          if (type === 'medical_proof') expect(decision.specialCategory).toBe(true);
          expect(creditorMaySee(decision)).toBe(decision.sharedWithCreditor);
        },
      ),
    );
  });
});
