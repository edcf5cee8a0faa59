/**
 * The client address as Kafka compares it with an ACL's host: Java's
 * InetAddress.getHostAddress(), which differs from what Node reports for IPv6.
 * - IPv4: dotted decimal, as Node gives it.
 * - IPv4-mapped IPv6 (`::ffff:10.0.0.1`, what a dual-stack socket reports for an IPv4 client):
 *   Java turns these into Inet4Address, so `10.0.0.1`.
 * - other IPv6: all eight groups in lower-case hex without leading zeros and without `::`
 *   compression (`::1` → `0:0:0:0:0:0:0:1`), keeping a `%scope` suffix.
 * An ACL written for `::1` therefore never matches in Kafka either; kafka-acls users write the
 * long form, and this keeps their ACLs working unchanged.
 */
import { isIPv4, isIPv6 } from 'node:net';

export function javaHostAddress(address: string): string {
  const percent = address.indexOf('%');
  const ip = percent < 0 ? address : address.slice(0, percent);
  const scope = percent < 0 ? '' : address.slice(percent);
  if (isIPv4(ip) || !isIPv6(ip)) return address;
  const groups = ipv6Groups(ip);
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  return groups.map((g) => g.toString(16)).join(':') + scope;
}

/** The eight 16-bit groups of a valid IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(ip: string): number[] {
  const [head = '', tail] = ip.split('::');
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [parseInt(g, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
