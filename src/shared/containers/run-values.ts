/**
 * The values of `docker run`'s list flags as the docker CLI reads them, into the create spec's
 * terms: `-p`, `-v`, `--mount`, `--restart`. Each returns the spec entry or why it cannot be one.
 */
import type { CreateContainerSpec } from '../contract';

type PortSpec = NonNullable<CreateContainerSpec['ports']>[number];
type MountSpec = NonNullable<CreateContainerSpec['mounts']>[number];
type RestartSpec = NonNullable<CreateContainerSpec['restartPolicy']>;

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** Go's strconv.ParseBool, which pflag uses for `--rm=false`. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

const PORT = /^\d{1,5}$/;

/**
 * `-p [ip:][hostPort:]containerPort[/protocol]`. Without an IP the CLI publishes on every
 * interface: that is written out as 0.0.0.0 (the form shows it, instead of its loopback default).
 */
export function readPublish(text: string): Read<PortSpec> {
  const [address = '', protocol = 'tcp', ...extra] = text.split('/');
  if (extra.length > 0 || !['tcp', 'udp', 'sctp'].includes(protocol)) return fail('not a port/protocol');
  let ip = '';
  let rest = address;
  const bracket = /^\[([^\]]+)\]:(.*)$/.exec(address);
  if (bracket) {
    ip = bracket[1]!;
    rest = bracket[2]!;
  }
  const parts = rest.split(':');
  if (!bracket && parts.length === 3) ip = parts.shift()!;
  if (parts.length > 2 || (bracket && parts.length !== 2)) return fail('not a port mapping');
  const containerPort = parts.pop()!;
  const hostPort = parts.pop() ?? '';
  if (containerPort.includes('-') || hostPort.includes('-')) return fail('port ranges are not supported');
  if (!PORT.test(containerPort) || (hostPort !== '' && !PORT.test(hostPort))) return fail('not a port number');
  return {
    ok: true,
    value: {
      containerPort: Number(containerPort),
      protocol: protocol as PortSpec['protocol'],
      hostIp: ip === '' ? '0.0.0.0' : ip,
      ...(hostPort !== '' ? { hostPort: Number(hostPort) } : {}),
    },
  };
}

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** `-v [source:]target[:ro|rw]`: an absolute source is a bind, a name a named volume, none an anonymous volume. */
export function readVolume(text: string): Read<MountSpec> {
  const parts = text.split(':');
  if (parts.length > 3 || parts.some((part) => part === '')) return fail('not source:target[:options]');
  const [first, second, third] = parts;
  const single = parts.length === 1;
  // `-v /data` is an anonymous volume at /data; `-v a:/b:ro` has options.
  const source = single ? undefined : first;
  const target = single ? first! : second!;
  const options = parts.length === 3 ? third!.split(',') : [];
  if (!target.startsWith('/')) return fail('the container path must be absolute');
  const unknown = options.filter((option) => option !== 'ro' && option !== 'rw');
  if (unknown.length > 0) return fail(`option ${unknown.join(',')} is not supported`);
  const readOnly = options.includes('ro');
  if (source === undefined) return { ok: true, value: { type: 'volume', target, readOnly } };
  if (source.startsWith('/')) return { ok: true, value: { type: 'bind', source, target, readOnly } };
  if (VOLUME_NAME.test(source)) return { ok: true, value: { type: 'volume', source, target, readOnly } };
  return fail('the host path must be absolute (a relative path or a shell variable is not expanded here)');
}

/** The CSV of `--mount`, as encoding/csv reads one record (quotes double a `"`). */
function csvFields(text: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text.charAt(i) === '"') {
      let field = '';
      i += 1;
      for (;;) {
        if (i >= text.length) return undefined;
        if (text.charAt(i) === '"') {
          if (text.charAt(i + 1) === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text.charAt(i);
        i += 1;
      }
      fields.push(field);
      if (i < text.length && text.charAt(i) !== ',') return undefined;
      i += 1;
      continue;
    }
    const comma = text.indexOf(',', i);
    const end = comma === -1 ? text.length : comma;
    fields.push(text.slice(i, end));
    i = end + 1;
  }
  return fields;
}

/** `--mount type=bind|volume,source=…,target=…[,readonly]`; other types and options are not taken. */
export function readMount(text: string): Read<MountSpec> {
  const fields = csvFields(text);
  if (!fields) return fail('not a valid --mount value');
  let type = 'volume';
  let source: string | undefined;
  let target: string | undefined;
  let readOnly = false;
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq === -1 ? field : field.slice(0, eq)).trim().toLowerCase();
    const value = eq === -1 ? undefined : field.slice(eq + 1);
    if (key === 'type' && value !== undefined) type = value;
    else if ((key === 'source' || key === 'src') && value !== undefined) source = value;
    else if ((key === 'target' || key === 'dst' || key === 'destination') && value !== undefined) target = value;
    else if (key === 'readonly' || key === 'ro') {
      const flag = value === undefined ? true : parseGoBool(value);
      if (flag === undefined) return fail(`readonly=${value ?? ''} is not a boolean`);
      readOnly = flag;
    } else return fail(`option ${key} is not supported`);
  }
  if (type !== 'bind' && type !== 'volume') return fail(`type ${type} is not supported`);
  if (target === undefined) return fail('a target is required');
  if (type === 'bind') return source === undefined ? fail('a bind needs a source') : { ok: true, value: { type: 'bind', source, target, readOnly } };
  return { ok: true, value: { type: 'volume', ...(source ? { source } : {}), target, readOnly } };
}

/** `--restart no|always|unless-stopped|on-failure[:N]`. */
export function readRestart(text: string): Read<RestartSpec> {
  const [name = '', count, ...extra] = text.split(':');
  if (extra.length > 0) return fail('not a restart policy');
  if (name === 'on-failure') {
    if (count === undefined) return { ok: true, value: { name, maximumRetryCount: 0 } };
    return /^\d+$/.test(count) ? { ok: true, value: { name, maximumRetryCount: Number(count) } } : fail('not a retry count');
  }
  if ((name === 'no' || name === 'always' || name === 'unless-stopped') && count === undefined) return { ok: true, value: { name, maximumRetryCount: 0 } };
  return fail('not a restart policy');
}
