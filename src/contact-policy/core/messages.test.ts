import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledDefault } from './fixtures.js';
import { CHANNEL_NAMES, explain, HOLD_NAMES, noticeText, type Explanation } from './messages.js';
import { CHANNELS, HOLD_KINDS } from './policy-document.js';

const LANGUAGES = ['fr', 'en', 'it'] as const;

/**
 * Every rule id the decision names as a literal, read from its source: a dotted id anywhere (`'window.hours'`, also
 * when chosen by a condition) and any id given as `rule: 'opt_out'`.
 */
function literalRules(): string[] {
  const source = readFileSync(fileURLToPath(new URL('./decide.ts', import.meta.url)), 'utf8');
  const ids = [...source.matchAll(/'([a-z_]+\.[a-z_]+)'|\brule: '([a-z_]+)'/g)].map((match) => match[1] ?? match[2]!);
  return [...new Set(ids)];
}

function expectWorded(label: string, text: Explanation, rule?: string) {
  for (const language of LANGUAGES) {
    expect(text[language]?.trim(), `${label} in ${language}`).toBeTruthy();
    if (rule !== undefined) expect(text[language], `${label} in ${language} is more than its rule id`).not.toBe(rule);
  }
  // A sentence left in English or French in the Italian slot is a missing translation.
  if (rule !== undefined) {
    expect(text.it, `${label}: Italian is not the English`).not.toBe(text.en);
    expect(text.it, `${label}: Italian is not the French`).not.toBe(text.fr);
  }
}

describe('contact-policy reasons in every language', () => {
  const policy = compiledDefault();

  it('words every reason the decision can give in French, English and Italian', () => {
    const rules = literalRules().filter((rule) => rule !== 'callback');
    expect(rules).toContain('window.day_closed');
    expect(rules.length).toBeGreaterThan(12);
    const families = [
      ...HOLD_KINDS.map((kind) => `hold.${kind}`),
      ...policy.caps.map((cap) => `cap.${cap.id}`),
      ...policy.spacing.map((rule) => `spacing.${rule.id}`),
    ];
    expect(policy.caps.length).toBeGreaterThan(0);
    for (const rule of [...rules, ...families]) {
      for (const until of [null, Date.parse('2026-12-01T09:00:00Z')]) {
        const text = explain(policy, { rule, until, params: { hours: 4, days: 7, country: 'IT' } });
        expectWorded(`${rule} (until ${until})`, text, rule);
      }
    }
  });

  it('words the parameters into every language', () => {
    const spacing = explain(policy, { rule: 'spacing.x', until: null, params: { hours: 4 } });
    const pause = explain(policy, { rule: 'pause_after_conversation', until: null, params: { days: 7 } });
    const noHours = explain(policy, { rule: 'window.no_hours', until: null, params: { country: 'IT' } });
    for (const language of LANGUAGES) {
      expect(spacing[language]).toContain('4');
      expect(pause[language]).toContain('7');
      expect(noHours[language]).toContain('IT');
    }
  });

  it('names every channel and hold kind, and words the callback notice, in every language', () => {
    for (const channel of CHANNELS) expectWorded(`channel ${channel}`, CHANNEL_NAMES[channel]);
    for (const kind of HOLD_KINDS) expectWorded(`hold ${kind}`, HOLD_NAMES[kind]);
    expectWorded('callback notice', noticeText('callback'), 'callback');
  });
});
