import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../web/src/i18n/en.js';
import { fr } from '../web/src/i18n/fr.js';
import { it as italian } from '../web/src/i18n/it.js';
import { PROBLEM_CODES } from '../web/src/i18n/problems.js';
import { INTAKE_ERROR_CODES } from '../web/src/features/intake/placements.js';

/**
 * The web app promises a message in the user's language for every problem code the API sends and every row error
 * the intake can report. These checks read the server's source, so a new code on the server is noticed here
 * (the app would still show it, in the server's English, until it gets its translations).
 */

const SRC = join(process.cwd(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function codesIn(files: string[], patterns: RegExp[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const code = match[1];
        if (code && !found.has(code)) found.set(code, relative(process.cwd(), file));
      }
    }
  }
  return found;
}

/** Codes the app deliberately shows with the server's own words: a catch-all whose `detail` is the only information. */
const SHOWN_AS_SERVER_DETAIL = new Set(['request.invalid']);

function lookup(messages: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      messages,
    );
}

describe('translations of server codes', () => {
  it('every problem code of the API has a message in French, English and Italian', () => {
    const codes = codesIn(sourceFiles(SRC), [
      /new AppError\(\s*'([a-z_.]+)'/g,
      /\bsuper\(\s*'([a-z_]+\.[a-z_.]+)'/g,
      /\b(?:invalid|conflict|refuse)\(\s*'([a-z_]+\.[a-z_.]+)'/g,
      /sendProblem\(\s*request,\s*reply,\s*[^,]+,\s*'([a-z_.]+)'/g,
      /\bcode: '((?:request|auth|not_ready)\.[a-z_]+)'/g,
    ]);
    expect(codes.size).toBeGreaterThan(15);
    const missing = [...codes]
      .filter(([code]) => !SHOWN_AS_SERVER_DETAIL.has(code) && !(PROBLEM_CODES as readonly string[]).includes(code))
      .map(([code, file]) => `${code} (${file})`);
    expect(
      missing,
      'add these codes to PROBLEM_CODES (web/src/i18n/problems.ts) and to problems.* in fr, en and it',
    ).toEqual([]);

    for (const code of PROBLEM_CODES) {
      for (const [lang, messages] of [
        ['fr', fr],
        ['en', en],
        ['it', italian],
      ] as const) {
        expect(typeof lookup(messages, `problems.${code}`), `problems.${code} in ${lang}`).toBe('string');
      }
    }
  });

  it('every row error code of the intake has a message in French, English and Italian', () => {
    const codes = codesIn(sourceFiles(join(SRC, 'intake')), [
      /\bcode: '([a-z_]+(?:\.[a-z_]+)?)'/g,
      /\bfail\(\s*'([a-z_]+\.[a-z_]+|required)'/g,
      /\bfail\([^,()]+,\s*[^,()]+(?:\([^)]*\))?,\s*'([a-z_]+\.[a-z_]+|required)'/g,
      /\browError\([^,]+,\s*[^,]+,\s*[^,]+,\s*'([a-z_]+\.[a-z_]+)'/g,
      /\bfileError\(\s*'([a-z_]+\.[a-z_]+)'/g,
    ]);
    // `choice` columns report `<column>.invalid`.
    for (const column of ['operation', 'debtor_type', 'contract_type', 'language'])
      codes.set(`${column}.invalid`, 'src/intake/core/validate-row.ts');
    // Not row errors: the problem code of a refused file, shown by the API problem translations.
    codes.delete('intake.file_invalid');
    expect(codes.size).toBeGreaterThan(30);
    const missing = [...codes]
      .filter(([code]) => !(INTAKE_ERROR_CODES as readonly string[]).includes(code))
      .map(([code, file]) => `${code} (${file})`);
    expect(
      missing,
      'add these codes to INTAKE_ERROR_CODES (web/src/placements.ts) and to intakeErrors.* in fr, en and it',
    ).toEqual([]);

    for (const code of INTAKE_ERROR_CODES) {
      for (const [lang, messages] of [
        ['fr', fr],
        ['en', en],
        ['it', italian],
      ] as const) {
        expect(typeof lookup(messages, `intakeErrors.${code}`), `intakeErrors.${code} in ${lang}`).toBe('string');
      }
    }
  });

  it('every text of every namespace exists in French, English and Italian, and no language has a key the others lack', () => {
    const walk = (node: object, prefix: string): string[] =>
      Object.entries(node).flatMap(([key, value]) =>
        typeof value === 'string' ? [`${prefix}${key}`] : walk(value as object, `${prefix}${key}.`),
      );
    const keys = new Set([fr, en, italian].flatMap((messages) => walk(messages, '')));
    expect(keys.size).toBeGreaterThan(2000);
    for (const [lang, messages] of [
      ['fr', fr],
      ['en', en],
      ['it', italian],
    ] as const) {
      const missing = [...keys].filter((key) => typeof lookup(messages, key) !== 'string');
      expect(missing, `missing in ${lang}`).toEqual([]);
    }
  });
});
