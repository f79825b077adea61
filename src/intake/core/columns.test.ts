import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkHeader,
  COLUMN_NAMES,
  COLUMNS,
  detectDelimiter,
  normaliseColumnName,
  requiredHeaderColumns,
  suggestColumn,
} from './columns.js';

describe('header names', () => {
  it('are compared after BOM removal, trimming, lower-casing and spaces → _', () => {
    expect(normaliseColumnName('\uFEFFOperation')).toBe('operation');
    expect(normaliseColumnName('  Debtor Reference ')).toBe('debtor_reference');
    expect(normaliseColumnName('PHONE_2')).toBe('phone_2');
    expect(normaliseColumnName('address  line1')).toBe('address_line1');
  });

  it('suggest the column a typo meant', () => {
    expect(suggestColumn('adress_line1')).toBe('address_line1');
    expect(suggestColumn('firstname')).toBe('first_name');
    expect(suggestColumn('postcode')).toBeNull();
    expect(suggestColumn('colour')).toBeNull();
  });
});

describe('checkHeader', () => {
  const full = COLUMN_NAMES.map((c) => c.toUpperCase());

  it('accepts every column in any case and order', () => {
    expect(checkHeader([...full].reverse()).errors).toEqual([]);
  });

  it('needs only the references when an operation column is there', () => {
    const r = checkHeader(['operation', 'debtor_reference', 'claim_reference']);
    expect(r.errors).toEqual([]);
    expect(r.columns).toEqual(['operation', 'debtor_reference', 'claim_reference']);
  });

  it('needs the placement columns when there is no operation column', () => {
    const r = checkHeader(['debtor_reference', 'claim_reference', 'debtor_type']);
    expect(r.errors).toMatchObject([
      {
        code: 'header.missing_columns',
        line: 1,
        columns: ['contract_type', 'principal', 'default_date', 'address_line1', 'postal_code', 'city'],
      },
    ]);
    expect(requiredHeaderColumns(new Set(['debtor_reference']))).toContain('last_name');
  });

  it('refuses unknown columns, naming each with a suggestion: a typo must not drop data silently', () => {
    const r = checkHeader([...full, 'adress_line2', 'notes']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'header.unknown_columns', columns: ['adress_line2', 'notes'] });
    expect(r.errors[0]?.message).toContain('did you mean "address_line2"');
  });

  it('refuses a column given twice', () => {
    const r = checkHeader([...full, 'Email']);
    expect(r.errors).toMatchObject([{ code: 'header.duplicate_columns', columns: ['email'] }]);
  });

  it('allows columns without a name (a trailing separator), and reports a header of none', () => {
    expect(checkHeader([...full, '', ' ']).errors).toEqual([]);
    expect(checkHeader(['', '']).errors).toMatchObject([{ code: 'file.no_header' }]);
  });

  it('reports every problem at once', () => {
    const codes = checkHeader(['debtor_reference', 'debtor_reference', 'bogus']).errors.map((e) => e.code);
    expect(codes).toEqual(['header.unknown_columns', 'header.duplicate_columns', 'header.missing_columns']);
  });
});

describe('detectDelimiter', () => {
  it('picks ; or , from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('"a,b";c;d')).toBe(';');
    expect(detectDelimiter('debtor_reference')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBeNull();
  });
});

describe('the documentation', () => {
  const whole = readFileSync(new URL('../../../docs/intake-format.md', import.meta.url), 'utf8');
  const doc = whole.slice(whole.indexOf('\n## Columns\n'), whole.indexOf('\n### Amounts\n'));

  it('describes every column, in the order of the list', () => {
    const documented = [...doc.matchAll(/^\| `([a-z_0-9]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(COLUMNS.map((c) => c.name));
  });

  it('states the maximum length of each text column', () => {
    for (const column of COLUMNS) {
      if (column.maxLength === null) continue;
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${column.name}\` |`));
      expect(row, column.name).toContain(`${column.maxLength}`);
    }
  });
});
