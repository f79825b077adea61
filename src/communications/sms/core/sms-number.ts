import { normalisePhone } from '../../../intake/core/contacts.js';

/**
 * Numbers as SMPP carries them and as Accord stores them (E.164, `+33612345678`, as intake normalises them and as the
 * database's `search_phone` reads a stored value).
 */

/** SMPP's type of number: 1 international, 2 national, 5 alphanumeric. */
export const TON = { unknown: 0, international: 1, national: 2, alphanumeric: 5 } as const;
/** SMPP's numbering plan: 1 ISDN (E.164). */
export const NPI_ISDN = 1;

export interface SmppAddress {
  addr: string;
  ton: number;
  npi: number;
}

/** The six address fields of a submit_sm or deliver_sm. */
export function smppAddresses(source: SmppAddress, destination: SmppAddress) {
  return {
    source_addr_ton: source.ton,
    source_addr_npi: source.npi,
    source_addr: source.addr,
    dest_addr_ton: destination.ton,
    dest_addr_npi: destination.npi,
    destination_addr: destination.addr,
  };
}

/** An E.164 number as a destination_addr: the digits, without the '+', of type international, plan ISDN. */
export function smppDestination(e164: string): SmppAddress {
  const digits = e164.replace(/^\+/, '');
  if (!/^[1-9]\d{6,14}$/.test(digits)) throw new Error('the recipient is not an E.164 number');
  return { addr: digits, ton: TON.international, npi: NPI_ISDN };
}

/** The source_addr of the sender: alphanumeric (type 5, plan 0), or a number (international, ISDN). */
export function smppSource(sender: string): SmppAddress {
  const digits = /^\+?\d{3,15}$/.test(sender) ? sender.replace(/^\+/, '').replace(/^00/, '') : null;
  return digits
    ? { addr: digits, ton: TON.international, npi: NPI_ISDN }
    : { addr: sender, ton: TON.alphanumeric, npi: 0 };
}

/**
 * The E.164 form of a number an SMS came from, or null when it is none. International numbers come as digits (the
 * SMSC drops the '+'); a national number (type 2, or a leading single 0) is read as French, the SMSC's country for
 * Accord's agencies.
 */
export function inboundE164(addr: string, ton: number): string | null {
  const compact = addr.trim();
  if (!/^\+?\d+$/.test(compact)) return null;
  let parsed;
  if (compact.startsWith('+') || compact.startsWith('00')) parsed = normalisePhone(compact, null);
  else if (ton === TON.national || /^0[1-9]/.test(compact)) parsed = normalisePhone(compact, 'FR');
  else parsed = normalisePhone(`+${compact}`, null);
  return parsed.ok ? parsed.e164 : null;
}
