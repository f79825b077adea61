import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../../../intake/core/contacts.js';
import { inboundE164, smppDestination, smppSource, TON } from './sms-number.js';

describe('SMPP numbers', () => {
  it('sends to the digits of an E.164 number, international and ISDN', () => {
    expect(smppDestination('+33612345678')).toEqual({ addr: '33612345678', ton: 1, npi: 1 });
    expect(() => smppDestination('0612345678')).toThrow();
  });

  it('sends from an alphanumeric name or a number', () => {
    expect(smppSource('Accord')).toEqual({ addr: 'Accord', ton: 5, npi: 0 });
    expect(smppSource('+33757000000')).toEqual({ addr: '33757000000', ton: 1, npi: 1 });
    expect(smppSource('36180')).toEqual({ addr: '36180', ton: 1, npi: 1 });
  });

  it('reads the number a reply came from as E.164, whichever way the SMSC writes it', () => {
    expect(inboundE164('33612345678', TON.international)).toBe('+33612345678');
    expect(inboundE164('+33612345678', TON.unknown)).toBe('+33612345678');
    expect(inboundE164('0033612345678', TON.unknown)).toBe('+33612345678');
    expect(inboundE164('0612345678', TON.national)).toBe('+33612345678');
    expect(inboundE164('0612345678', TON.unknown)).toBe('+33612345678');
    expect(inboundE164('393471234567', TON.international)).toBe('+393471234567');
    expect(inboundE164('Accord', TON.alphanumeric)).toBeNull();
  });

  it('reads back the destination it sent to', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0[67]\d{8}$/), (national) => {
        // As intake stores it (an overseas mobile gets its own code: 0639… is +262639…).
        const stored = normalisePhone(national, 'FR');
        if (!stored.ok) return;
        const e164 = stored.e164;
        expect(inboundE164(smppDestination(e164).addr, TON.international)).toBe(e164);
      }),
    );
  });
});
