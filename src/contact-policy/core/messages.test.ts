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
  const source = ['./decide.ts', './care-rules.ts']
    .map((file) => readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8'))
    .join('\n');
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
    // The notices (a callback, a third party present) are worded by `noticeText`, below.
    const rules = literalRules().filter((rule) => rule !== 'callback' && rule !== 'care.third_party');
    expect(rules).toEqual(expect.arrayContaining(['care.channel', 'care.hours', 'care.pace', 'care.written_first']));
    expect(rules).toContain('window.day_closed');
    expect(rules.length).toBeGreaterThan(12);
    const families = [
      ...HOLD_KINDS.map((kind) => `hold.${kind}`),
      ...policy.caps.map((cap) => `cap.${cap.id}`),
      ...policy.spacing.map((rule) => `spacing.${rule.id}`),
      ...policy.care.caps.map((cap) => `care.cap.${cap.id}`),
      ...policy.care.spacing.map((rule) => `care.spacing.${rule.id}`),
    ];
    expect(policy.care.caps.length).toBeGreaterThan(0);
    expect(policy.caps.length).toBeGreaterThan(0);
    for (const rule of [...rules, ...families]) {
      for (const until of [null, Date.parse('2026-12-01T09:00:00Z')]) {
        const params = { hours: 4, days: 7, country: 'IT', channels: 'letter,email' };
        const text = explain(policy, { rule, until, params });
        expectWorded(`${rule} (until ${until})`, text, rule);
      }
    }
  });

  it('words the parameters into every language', () => {
    const spacing = explain(policy, { rule: 'spacing.x', until: null, params: { hours: 4 } });
    const pause = explain(policy, { rule: 'pause_after_conversation', until: null, params: { days: 7 } });
    const noHours = explain(policy, { rule: 'window.no_hours', until: null, params: { country: 'IT' } });
    const pace = explain(policy, { rule: 'care.pace', until: null, params: { days: 14 } });
    const careSpacing = explain(policy, { rule: 'care.spacing.phone', until: null, params: { hours: 72 } });
    const channels = explain(policy, { rule: 'care.channel', until: null, params: { channels: 'letter,email' } });
    expect(channels).toEqual({
      fr: 'Adaptation convenue (fragilité) : ce débiteur n’est contacté que par : courrier, e-mail.',
      en: 'Agreed adaptation (vulnerability): this debtor is contacted only by: letter, email.',
      it: 'Adattamento concordato (fragilità): questo debitore è contattato solo tramite: lettera, e-mail.',
    });
    for (const language of LANGUAGES) {
      expect(pace[language]).toContain('14');
      expect(careSpacing[language]).toContain('72');
      expect(spacing[language]).toContain('4');
      expect(pause[language]).toContain('7');
      expect(noHours[language]).toContain('IT');
    }
  });

  it('names every channel and hold kind, and words the callback notice, in every language', () => {
    for (const channel of CHANNELS) expectWorded(`channel ${channel}`, CHANNEL_NAMES[channel]);
    for (const kind of HOLD_KINDS) expectWorded(`hold ${kind}`, HOLD_NAMES[kind]);
    expectWorded('callback notice', noticeText('callback'), 'callback');
    expectWorded('third party notice', noticeText('care.third_party'), 'care.third_party');
  });
});
