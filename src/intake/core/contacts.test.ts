import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhone } from './contacts.js';

const phone = (text: string, country: string | null = 'FR') => {
  const r = normalisePhone(text, country);
  return r.ok ? r.e164 : r.code;
};

describe('normalisePhone', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['+33 06 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['01 43 12 34 56', '+33143123456'],
    ['09 70 12 34 56', '+33970123456'],
  ])('French %j → %s', (text, e164) => {
    expect(phone(text)).toBe(e164);
  });

  it.each([
    ['0692 12 34 56', '+262692123456'],
    ['0693 12 34 56', '+262693123456'],
    ['0262 12 34 56', '+262262123456'],
    ['0639 12 34 56', '+262639123456'],
    ['0269 61 23 45', '+262269612345'],
    ['0690 12 34 56', '+590690123456'],
    ['0691 12 34 56', '+590691123456'],
    ['0590 82 12 34', '+590590821234'],
    ['0696 12 34 56', '+596696123456'],
    ['0697 12 34 56', '+596697123456'],
    ['0596 12 34 56', '+596596123456'],
    ['0694 12 34 56', '+594694123456'],
    ['0594 12 34 56', '+594594123456'],
    ['+262 692 12 34 56', '+262692123456'],
    ['+33 692 12 34 56', '+262692123456'],
  ])('overseas %j → %s', (text, e164) => {
    expect(phone(text)).toBe(e164);
  });

  it.each([
    ['347 123 4567', '+393471234567'],
    ['06 1234 5678', '+390612345678'],
    ['+39 347 123 4567', '+393471234567'],
    ['0039 06 1234 5678', '+390612345678'],
  ])('Italian %j → %s', (text, e164) => {
    expect(phone(text, 'IT')).toBe(e164);
  });

  it('accepts international numbers of other countries for anyone', () => {
    expect(phone('+41 21 123 45 67', 'CH')).toBe('+41211234567');
    expect(phone('+49 30 1234567', 'FR')).toBe('+49301234567');
    expect(phone('+44 20 7946 0958', null)).toBe('+442079460958');
  });

  it.each([
    ['12345', 'FR', 'phone.invalid'],
    ['612345678', 'FR', 'phone.invalid'],
    ['06 12 34 56', 'FR', 'phone.invalid'],
    ['06 12 34 56 78 90', 'FR', 'phone.invalid'],
    ['0800 12 34 56', 'FR', 'phone.invalid'],
    ['08 92 12 34 56', 'FR', 'phone.invalid'],
    ['+33 6 12 34', 'FR', 'phone.invalid'],
    ['06 12 34 56 78 / 07 12 34 56 78', 'FR', 'phone.invalid'],
    ['tel: 0612345678', 'FR', 'phone.invalid'],
    ['marie@example.fr', 'FR', 'phone.invalid'],
    ['+262 612 34 56 78', 'FR', 'phone.invalid'],
    ['+39 12345', 'IT', 'phone.invalid'],
    ['123 456 789', 'IT', 'phone.invalid'],
    ['+1 23', 'FR', 'phone.invalid'],
    ['030 1234567', 'DE', 'phone.international_required'],
    ['06 12 34 56 78', null, 'phone.invalid'],
    ['', 'FR', 'required'],
  ])('refuses %j for %s with %s', (text, country, code) => {
    expect(phone(text, country)).toBe(code);
  });

  it('says when a leading zero was lost', () => {
    const r = normalisePhone('612345678', 'FR');
    expect(!r.ok && r.message).toContain('0612345678');
  });
});

describe('normaliseEmail', () => {
  it('lower-cases and accepts ordinary addresses', () => {
    expect(normaliseEmail(' Thomas.LEFEVRE@Example.FR ')).toEqual({ ok: true, email: 'thomas.lefevre@example.fr' });
    expect(normaliseEmail('a+tag@sub.example.co.uk')).toEqual({ ok: true, email: 'a+tag@sub.example.co.uk' });
  });

  it.each([
    'luc.moreau@',
    '@example.fr',
    'luc moreau@example.fr',
    'luc..moreau@example.fr',
    '.luc@example.fr',
    'luc@example',
    'luc@-example.fr',
    'luc@example..fr',
    'jérôme@example.fr',
    'a@b.fr; c@d.fr',
    'a@b.fr, c@d.fr',
    `${'a'.repeat(65)}@example.fr`,
  ])('refuses %j', (text) => {
    expect(normaliseEmail(text)).toMatchObject({ ok: false, code: 'email.invalid' });
  });

  it('refuses an empty value as missing', () => {
    expect(normaliseEmail('  ')).toMatchObject({ ok: false, code: 'required' });
  });
});
