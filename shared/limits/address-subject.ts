import { isIPv4, isIPv6 } from 'node:net';

/**
 * The address a limit counts: an IPv4 address whole (also when a dual-stack socket reports it as
 * `::ffff:a.b.c.d`), an IPv6 address by its /64 prefix — a home line owns a whole /64 and could take a
 * new address for every answer. Anything else (no address known) is counted as it is.
 */
export function addressSubject(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const full = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${full
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
