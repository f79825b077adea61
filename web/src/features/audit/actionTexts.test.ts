import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, familyOf } from '../../../../src/audit/contract.js';
import { auditTrailEn } from '../../i18n/audit/en.js';
import { auditTrailFr } from '../../i18n/audit/fr.js';
import { auditTrailIt } from '../../i18n/audit/it.js';

const SRC = join(import.meta.dirname, '../../../../src');

/**
 * The actions an `action:` written with a template appends, by the template's start: the listed actions of its
 * prefix (a kind of reference data, a decision on a possible duplicate). Say a new template here.
 */
const TEMPLATES: Record<string, string[]> = Object.fromEntries(
  [
    ['`reference_data.${kind}.${before ? ', 'reference_data.'],
    ['`reference_data.${row.kind}.added`', 'reference_data.'],
    ['`debtor_match.${input.decision}`', 'debtor_match.'],
    ['`export.${request.list}`', 'export.'],
    ['`message.${event.outcome}`', 'message.'],
  ].map(([template, prefix]) => [template, AUDIT_ACTIONS.filter((action) => action.startsWith(prefix!))]),
);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Every action the server code appends: the `action:` of each audit record (a literal, a choice between literals, a
 * named constant, or a template listed above), found by reading the code, so a new action cannot go unlisted.
 */
function appendedActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    // A capability's own audit helper that takes the action third (print runs: `audit(trx, actor, 'print_run.posted', …)`),
    // or an action handed to it in an object (`completeRun(…, { action: 'print_run.prepared' })`).
    for (const match of text.matchAll(/\baudit\(\s*trx,\s*[\w.()]+,\s*'([a-z_]+(?:\.[a-z_]+)+)'/g))
      found.set(match[1]!, relative(SRC, file));
    for (const match of text.matchAll(/\{ action: '([a-z_]+(?:\.[a-z_]+)+)'/g))
      found.set(match[1]!, relative(SRC, file));
    if (!/targetType:/.test(text)) continue;
    const where = relative(SRC, file);
    for (const match of text.matchAll(/\baction: ([^\n]+?),?\n/g)) {
      const expression = match[1]!;
      const template = Object.keys(TEMPLATES).find((start) => expression.startsWith(start));
      const literals = template
        ? TEMPLATES[template]!
        : [...expression.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)].map((m) => m[1]!);
      const constant = /^[A-Z_]+$/.test(expression) ? new RegExp(`${expression} = '([^']+)'`).exec(text) : null;
      if (constant) literals.push(constant[1]!);
      // Not a record: a type (`action: string;`, `action: PlannedAction`) or a copy of one (`record.action`).
      const notARecord = /^(string;.*|[A-Z][a-z]\w*[;,)]?|(record|content|row|audit)\.action|z\..*)$/.test(expression);
      if (literals.length === 0 && !notARecord) {
        throw new Error(`${where}: cannot read the action "${expression}": add its actions to TEMPLATES`);
      }
      for (const action of literals) found.set(action, where);
    }
  }
  return found;
}

const textOf = (texts: object, action: string): unknown =>
  action.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], texts);

describe('every audited action in words', () => {
  const appended = appendedActions();

  it('finds the actions the code appends', () => {
    expect(appended.size).toBeGreaterThan(70);
    expect(appended.get('payment.recorded')).toBe('payments/record-payments.ts');
  });

  it.each([...appended])('%s (%s) has a family and a sentence in French, English and Italian', (action) => {
    expect(familyOf(action), `add ${action} to a family in src/audit/core/actions.ts`).not.toBe('other');
    for (const texts of [auditTrailFr.actions, auditTrailEn.actions, auditTrailIt.actions]) {
      expect(typeof textOf(texts, action), `add ${action} to web/src/i18n/audit/*.ts`).toBe('string');
    }
  });

  it('has a sentence for every action it lists, and lists no action nobody appends', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(typeof textOf(auditTrailFr.actions, action), action).toBe('string');
      expect(appended.has(action), `${action} is appended nowhere: remove it`).toBe(true);
    }
  });
});
