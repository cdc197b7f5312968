/** IPv4 and IPv6 addresses and CIDR subnets as `docker network create` and `connect` take them. */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
// Hex groups with at most one `::` and an optional trailing IPv4; checked further in isIpv6.
const IPV6_CHARS = /^[0-9a-fA-F:.]+$/;

export function isIpv4(value: string): boolean {
  return IPV4.test(value);
}

export function isIpv6(value: string): boolean {
  if (!IPV6_CHARS.test(value) || !value.includes(':')) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const all = halves.flatMap(groups);
  const last = all[all.length - 1];
  const tailIsV4 = last !== undefined && last.includes('.');
  if (tailIsV4 && !isIpv4(last)) return false;
  const hex = tailIsV4 ? all.slice(0, -1) : all;
  if (!hex.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return false;
  const count = hex.length + (tailIsV4 ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

export const isIp = (value: string): boolean => isIpv4(value) || isIpv6(value);

/** `10.1.0.0/16` or `fd00::/64`: an address and a prefix length that fits its family. */
export function isCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const address = value.slice(0, slash);
  const prefix = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  if (isIpv4(address)) return bits <= 32;
  return isIpv6(address) && bits <= 128;
}

const ipv4Number = (address: string): number => address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);

/** An IPv4 CIDR as its first address and size; undefined for IPv6 or a malformed value. */
function ipv4Range(cidr: string): { start: number; size: number } | undefined {
  if (!isCidr(cidr)) return undefined;
  const [address = '', prefix = ''] = cidr.split('/');
  if (!isIpv4(address)) return undefined;
  const size = 2 ** (32 - Number(prefix));
  return { start: Math.floor(ipv4Number(address) / size) * size, size };
}

/** Whether an address lies in a subnet; undefined when it cannot tell (IPv6, or mixed families). */
export function subnetContains(cidr: string, address: string): boolean | undefined {
  const range = ipv4Range(cidr);
  if (!range) return isIpv4(address) && isCidr(cidr) ? false : undefined;
  if (!isIpv4(address)) return false;
  const value = ipv4Number(address);
  return value >= range.start && value < range.start + range.size;
}

/** Whether two IPv4 subnets share an address; false when either is not IPv4. */
export function subnetsOverlap(a: string, b: string): boolean {
  const one = ipv4Range(a);
  const two = ipv4Range(b);
  if (!one || !two) return false;
  return one.start < two.start + two.size && two.start < one.start + one.size;
}
