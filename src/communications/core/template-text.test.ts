import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedText } from './message-templates.js';
import {
  checkTemplateText,
  hasErrors,
  parseTemplateText,
  renderTemplateText,
  requiredMentions,
  SAMPLE_VARIABLES,
  SLOTS,
  VARIABLE_NAMES,
  type TemplateSlot,
} from './template-text.js';

const sms: TemplateSlot = { template: 'reminder', channel: 'sms', language: 'fr' };
const email: TemplateSlot = { template: 'balance_statement', channel: 'email', language: 'en' };

describe('template texts', () => {
  it('passes every text Accord ships, on every slot', () => {
    for (const slot of SLOTS) expect(checkTemplateText(slot, shippedText(slot)), JSON.stringify(slot)).toEqual([]);
  });

  it('reads variables from the closed list only: no expression, no unknown name, no brace left open', () => {
    expect(parseTemplateText('Hello {{ debtorName }}!')).toEqual({
      ok: true,
      tokens: [
        { kind: 'text', text: 'Hello ' },
        { kind: 'variable', name: 'debtorName' },
        { kind: 'text', text: '!' },
      ],
    });
    expect(parseTemplateText('{{debtorName.toUpperCase()}}')).toMatchObject({
      ok: false,
      finding: { code: 'template.expression' },
    });
    expect(parseTemplateText('{{ constructor }}')).toMatchObject({
      ok: false,
      finding: { code: 'template.unknown_variable', variable: 'constructor' },
    });
    expect(parseTemplateText('a {{caseReference\n}}')).toMatchObject({
      ok: false,
      finding: { code: 'template.syntax', at: 2 },
    });
    // A single brace is text.
    expect(parseTemplateText('{ } }')).toEqual({ ok: true, tokens: [{ kind: 'text', text: '{ } }' }] });
  });

  it('names each mandatory mention a text lacks, and what a lock screen would show', () => {
    const findings = checkTemplateText(sms, {
      subject: null,
      body: '{{agencyName}}: {{debtorName}}, votre dette de {{balance}} est impayée.',
    });
    const names = findings.map((f) => `${f.code}:${'mention' in f ? f.mention : 'variable' in f ? f.variable : ''}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'template.variable_not_on_channel:debtorName',
        'template.variable_not_on_channel:balance',
        'template.mention_missing:case_reference',
        'template.mention_missing:first_letter_reference',
        'template.mention_missing:opt_out_stop',
      ]),
    );
    expect(findings.some((f) => f.code === 'template.discloses' && f.what === 'debt_word')).toBe(true);
    expect(requiredMentions(email)).toEqual([
      'agency',
      'case_reference',
      'first_letter_reference',
      'first_letter_date',
      'opt_out_link',
      'balance',
    ]);
  });

  it('refuses the amount or the creditor in a subject, even when the body may say it', () => {
    const text = shippedText(email);
    const withAmount = checkTemplateText(email, { ...text, subject: 'Your balance {{balance}}' });
    expect(withAmount.map((f) => f.code)).toContain('template.variable_not_in_subject');
    const withCreditor = checkTemplateText(email, { ...text, subject: 'Horizon Énergie: file {{caseReference}}' }, [
      'Horizon Énergie',
    ]);
    expect(withCreditor).toEqual([
      { code: 'template.discloses', severity: 'error', what: 'creditor', text: 'Horizon Énergie' },
    ]);
  });

  it('leaves out a line that an empty variable would leave blank, and keeps the blank lines written', () => {
    const rendered = renderTemplateText({ subject: null, body: 'A\n\nB\n{{unsubscribeUrl}}\nC' }, 'fr', {
      ...SAMPLE_VARIABLES,
      unsubscribeUrl: null,
    });
    expect(rendered.body).toBe('A\n\nB\nC');
  });

  it('flags an SMS that would take more than three parts', () => {
    const long = `${shippedText(sms).body} ${'Merci. '.repeat(80)}`;
    const findings = checkTemplateText(sms, { subject: null, body: long });
    expect(findings).toEqual([expect.objectContaining({ code: 'template.sms_long', severity: 'warning' })]);
    expect(hasErrors(findings)).toBe(false);
  });

  it('finds the mandatory mention missing whenever one is taken out of a shipped text (property)', () => {
    const variableOf: Record<string, string> = {
      agency: '{{agencyName}}',
      case_reference: '{{caseReference}}',
      first_letter_reference: '{{firstLetterReference}}',
      first_letter_date: '{{firstLetterDate}}',
      opt_out_link: '{{unsubscribeUrl}}',
      balance: '{{balance}}',
      survey_link: '{{surveyUrl}}',
      opt_out_stop: 'STOP',
      itemised_amount: '{{itemisedAmount}}',
      payment_ways: '{{paymentWays}}',
      how_to_dispute: '{{howToDispute}}',
    };
    const slotAndMention = fc
      .constantFrom(...SLOTS)
      .chain((slot) => fc.tuple(fc.constant(slot), fc.constantFrom(...requiredMentions(slot))));
    fc.assert(
      fc.property(slotAndMention, ([slot, mention]) => {
        const text = shippedText(slot);
        const without = (part: string) =>
          part.replaceAll(variableOf[mention]!, mention === 'opt_out_stop' ? 'stop' : '');
        const findings = checkTemplateText(slot, {
          subject: text.subject === null ? null : without(text.subject),
          body: without(text.body),
        });
        return findings.some((f) => f.code === 'template.mention_missing' && f.mention === mention);
      }),
    );
  });

  it('renders any text of literal words and known variables without a brace left (property)', () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[A-Za-zÀ-ÿ ,.:;!?'’\n-]{0,30}$/),
      fc.constantFrom(...VARIABLE_NAMES).map((name) => `{{${name}}}`),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }),
        fc.constantFrom('fr', 'en', 'it' as const),
        (pieces, language) => {
          const body = pieces.join('');
          expect(parseTemplateText(body).ok).toBe(true);
          const rendered = renderTemplateText({ subject: null, body }, language, SAMPLE_VARIABLES);
          return !rendered.body.includes('{{') && !rendered.body.includes('}}');
        },
      ),
    );
  });
});
