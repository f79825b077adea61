import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPublicAddress, parseCidrs, refusedAddresses } from './webhook-address.js';

const strict = { allowPrivate: false, allowedCidrs: [] };

describe('webhook target addresses', () => {
  it('refuses private, loopback, link-local and reserved IPv4 addresses', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.0.9',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('refuses the same in IPv6, and IPv4 addresses hidden in IPv6', () => {
    for (const address of [
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      'fc00::5',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '::ffff:a9fe:a9fe',
      '2001:db8::1',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('accepts public addresses', () => {
    for (const address of [
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '93.184.216.34',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
    ]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    expect(isPublicAddress('not-an-address')).toBe(false);
  });

  it('never calls an address of 10/8, 127/8 or 169.254/16 public, whatever its last bytes', () => {
    const byte = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.constantFrom('10', '127', '169.254'), byte, byte, byte, (head, a, b, c) => {
        const address = head === '169.254' ? `169.254.${b}.${c}` : `${head}.${a}.${b}.${c}`;
        expect(isPublicAddress(address)).toBe(false);
        expect(isPublicAddress(`::ffff:${address}`)).toBe(false);
      }),
    );
  });

  it('lets the operator allow every address, or some ranges only', () => {
    expect(refusedAddresses(['127.0.0.1', '8.8.8.8'], strict)).toEqual(['127.0.0.1']);
    expect(refusedAddresses(['127.0.0.1'], { allowPrivate: true, allowedCidrs: [] })).toEqual([]);
    const ranges = { allowPrivate: false, allowedCidrs: parseCidrs('10.20.0.0/16, fd00::/8') };
    expect(refusedAddresses(['10.20.3.4', 'fd00::7', '10.21.0.1', '169.254.169.254'], ranges)).toEqual([
      '10.21.0.1',
      '169.254.169.254',
    ]);
  });

  it('names a malformed range of WEBHOOK_ALLOWED_CIDRS', () => {
    expect(() => parseCidrs('10.0.0.0/33')).toThrow('"10.0.0.0/33"');
    expect(() => parseCidrs('intranet')).toThrow('"intranet"');
    expect(parseCidrs(undefined)).toEqual([]);
  });
});
