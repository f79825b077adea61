import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDeliveryReceipt, receiptDetail } from './delivery-receipt.js';

const receiptText = (id: string, stat: string, err = '000') =>
  `id:${id} sub:001 dlvrd:001 submit date:2612041000 done date:2612041001 stat:${stat} err:${err} text:Accord: merci de`;

describe('readDeliveryReceipt', () => {
  it('reads the message, its state and the error of an SMPP 3.4 receipt', () => {
    expect(readDeliveryReceipt({ text: receiptText('7f3a9c', 'DELIVRD') })).toEqual({
      providerId: '7f3a9c',
      stat: 'DELIVRD',
      err: '000',
      outcome: 'delivered',
    });
    expect(readDeliveryReceipt({ text: receiptText('42', 'UNDELIV', '001') })).toMatchObject({
      outcome: 'failed',
      err: '001',
    });
  });

  it.each([
    ['DELIVRD', 'delivered'],
    ['UNDELIV', 'failed'],
    ['EXPIRED', 'failed'],
    ['REJECTD', 'failed'],
    ['DELETED', 'failed'],
    ['ACCEPTD', null],
    ['ENROUTE', null],
    ['UNKNOWN', null],
    ['SOMETHING', null],
  ])('stat:%s is %s', (stat, outcome) => {
    expect(readDeliveryReceipt({ text: receiptText('1', stat) })?.outcome).toBe(outcome);
  });

  it('prefers the receipted_message_id and message_state TLVs', () => {
    const receipt = readDeliveryReceipt({
      text: receiptText('short', 'ENROUTE'),
      receiptedMessageId: 'full-id',
      messageState: 2,
    });
    expect(receipt).toMatchObject({ providerId: 'full-id', stat: 'DELIVRD', outcome: 'delivered' });
    expect(readDeliveryReceipt({ text: '', receiptedMessageId: 'x', messageState: 5 })?.outcome).toBe('failed');
  });

  it('names no message when the receipt has no id', () => {
    expect(readDeliveryReceipt({ text: 'stat:DELIVRD' })).toBeNull();
  });

  it('reads any id and state whatever the case of the keys and the text quoted after', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Za-z-]{1,40}$/),
        fc.constantFrom('DELIVRD', 'UNDELIV', 'EXPIRED', 'ENROUTE'),
        fc.string({ maxLength: 20 }),
        fc.boolean(),
        (id, stat, quoted, upper) => {
          let text = receiptText(id, stat).replace('text:Accord: merci de', `text:${quoted}`);
          if (upper)
            text = text.replace(/(?<=^| )(id|sub|dlvrd|submit date|done date|stat|err|text):/g, (key) =>
              key.toUpperCase(),
            );
          const receipt = readDeliveryReceipt({ text });
          expect(receipt?.providerId).toBe(id);
          expect(receipt?.stat).toBe(stat);
          expect(receiptDetail(receipt!)).toBe(`stat:${stat} err:000`);
        },
      ),
    );
  });
});
