import type Docker from 'dockerode';
import type { LogInfo } from '../../../shared/types/logs';

/** Drivers the engine reads back itself; others are read through its local cache ("dual logging"). */
const READABLE_DRIVERS = new Set(['json-file', 'local', 'journald', 'etwlogs']);
/** The local driver's and the dual-logging cache's built-in limits. */
const LOCAL_DEFAULT_SIZE = '20m';
const LOCAL_DEFAULT_FILES = 5;

function count(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}

/** A container's log driver and limits from its inspect data. */
export function logInfoFrom(info: Docker.ContainerInspectInfo): LogInfo {
  const config = info.HostConfig?.LogConfig as { Type?: string; Config?: Record<string, string> } | undefined;
  const driver = config?.Type || 'json-file';
  const options = { ...(config?.Config ?? {}) };
  const base = { id: info.Id, name: info.Name.replace(/^\//, ''), driver, options, tty: Boolean(info.Config?.Tty) };

  if (driver === 'none') return { ...base, defaultLimits: false, unbounded: false, readable: false };
  if (driver === 'json-file') {
    const maxSize = options['max-size'];
    return {
      ...base,
      ...(maxSize ? { maxSize, maxFile: count(options['max-file']) ?? 1 } : {}),
      defaultLimits: false,
      unbounded: !maxSize,
      readable: true,
    };
  }
  if (driver === 'local') {
    return {
      ...base,
      maxSize: options['max-size'] ?? LOCAL_DEFAULT_SIZE,
      maxFile: count(options['max-file']) ?? LOCAL_DEFAULT_FILES,
      defaultLimits: options['max-size'] === undefined && options['max-file'] === undefined,
      unbounded: false,
      readable: true,
    };
  }
  // journald's limits are the system journal's own (journald.conf), not per container.
  if (READABLE_DRIVERS.has(driver)) return { ...base, defaultLimits: false, unbounded: false, readable: true };
  // Remote drivers (syslog, fluentd, gelf, ...): the engine keeps a local cache it reads back, unless disabled.
  const cached = options['cache-disabled'] !== 'true';
  return {
    ...base,
    ...(cached ? { maxSize: options['cache-max-size'] ?? LOCAL_DEFAULT_SIZE, maxFile: count(options['cache-max-file']) ?? LOCAL_DEFAULT_FILES } : {}),
    defaultLimits: cached && options['cache-max-size'] === undefined && options['cache-max-file'] === undefined,
    unbounded: false,
    readable: cached,
  };
}
