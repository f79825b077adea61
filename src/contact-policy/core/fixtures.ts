import { compilePolicy, type CompiledPolicy } from './compile.js';
import { DEFAULT_POLICY } from './default-policy.js';
import type { ContactFacts, PastContact } from './facts.js';
import { NO_PREFERENCES } from './facts.js';
import type { Channel, PolicyDocument } from './policy-document.js';

/** Facts and policies for the tests and the benchmark: a reachable Paris debtor whose first letter went out. */

export const PARIS = { country: 'FR', region: '75', timeZone: 'Europe/Paris' } as const;
export const MOSELLE = { country: 'FR', region: '57', timeZone: 'Europe/Paris' } as const;
export const REUNION = { country: 'FR', region: '974', timeZone: 'Indian/Reunion' } as const;
export const ROME = { country: 'IT', region: 'RM', timeZone: 'Europe/Rome' } as const;

export function compiledDefault(overrides: Partial<PolicyDocument> = {}, version = 1): CompiledPolicy {
  return compilePolicy({ version, effectiveFrom: '2026-01-01', document: { ...DEFAULT_POLICY, ...overrides } });
}

export function facts(overrides: Partial<ContactFacts> = {}): ContactFacts {
  const { care = null, ...rest } = overrides;
  return {
    location: PARIS,
    holds: [],
    optOuts: {},
    reachable: { phone: true, sms: true, email: true, letter: true },
    preferences: NO_PREFERENCES,
    firstLetterSentAt: Date.parse('2026-01-05T10:00:00Z'),
    caseOpen: true,
    history: [],
    ...rest,
    care,
  };
}

export function contact(
  at: string | number,
  channel: Channel = 'phone',
  extra: Partial<PastContact> = {},
): PastContact {
  return {
    at: typeof at === 'number' ? at : Date.parse(at),
    channel,
    direction: 'outbound',
    conversation: false,
    ...extra,
  };
}

export const at = (iso: string) => Date.parse(iso);
