import { BlockList, isIP } from 'node:net';

/**
 * Where a creditor's webhook may point (issue 13, SSRF): never at the agency's own network. Every address a target
 * resolves to must be public; private, loopback, link-local (cloud metadata at 169.254.169.254), shared, multicast
 * and reserved ranges are refused, in IPv4 and IPv6 (including IPv4 mapped into IPv6), unless the operator allows
 * them: all (WEBHOOK_ALLOW_PRIVATE=true, for a test server) or some ranges (WEBHOOK_ALLOWED_CIDRS).
 */

const NON_PUBLIC_V4 = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const;

const NON_PUBLIC_V6 = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use IPv4/IPv6 translation
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const;

const nonPublic = new BlockList();
for (const [network, prefix] of NON_PUBLIC_V4) nonPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of NON_PUBLIC_V6) nonPublic.addSubnet(network, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped or IPv4-compatible IPv6 address (::ffff:10.0.0.1), else null. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:0{0,4}:){0,5}(?:ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address.replace(/^::/, '0:'));
  if (match) return match[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** True when the address is an IP address on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const v4 = embeddedIpv4(address.toLowerCase());
    if (v4 !== null) return isPublicAddress(v4);
    return !nonPublic.check(address, 'ipv6');
  }
  return !nonPublic.check(address, 'ipv4');
}

export interface WebhookNetworkRule {
  allowPrivate: boolean;
  /** CIDR ranges the operator allows even though they are not public, such as `10.20.0.0/16`. */
  allowedCidrs: readonly string[];
}

/** Parses WEBHOOK_ALLOWED_CIDRS (comma-separated); throws on a malformed range, naming it. */
export function parseCidrs(text: string | undefined): string[] {
  if (!text || text.trim() === '') return [];
  return text.split(',').map((part) => {
    const cidr = part.trim();
    const [network, prefix] = cidr.split('/');
    const family = isIP(network ?? '');
    const bits = Number(prefix);
    if (family === 0 || !Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
      throw new Error(`WEBHOOK_ALLOWED_CIDRS: "${cidr}" is not a CIDR range such as 10.20.0.0/16 or fd00::/8`);
    }
    return cidr;
  });
}

function allowedList(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network, prefix] = cidr.split('/') as [string, string];
    list.addSubnet(network, Number(prefix), isIP(network) === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

/** The addresses among `addresses` that the rule refuses (empty: the target may be used). */
export function refusedAddresses(addresses: readonly string[], rule: WebhookNetworkRule): string[] {
  if (rule.allowPrivate) return [];
  const allowed = allowedList(rule.allowedCidrs);
  return addresses.filter((address) => {
    if (isPublicAddress(address)) return false;
    const family = isIP(address);
    return family === 0 || !allowed.check(address, family === 4 ? 'ipv4' : 'ipv6');
  });
}
