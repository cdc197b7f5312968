/**
 * The engine's status line for a container ("Up 5 minutes (healthy)", "Exited (0) 2 hours ago"),
 * taken apart so the UI can say it in the user's language. The engine writes it in English with
 * the docker CLI's human durations (go-units HumanDuration), so its grammar is fixed and small.
 */
type DurationUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** "Less than a second", "About a minute", "About an hour", or a count of a unit. */
export type HumanDuration = { kind: 'moment' } | { kind: 'about'; unit: 'minute' | 'hour' } | { kind: 'count'; amount: number; unit: DurationUnit };

export type ContainerStatus =
  | { kind: 'up'; for: HumanDuration; paused: boolean; health?: 'healthy' | 'unhealthy' | 'starting' }
  | { kind: 'exited'; exitCode: number; ago?: HumanDuration }
  | { kind: 'restarting'; exitCode: number; ago: HumanDuration }
  | { kind: 'created' }
  | { kind: 'removing' }
  | { kind: 'dead' };

const UNITS = new Set<DurationUnit>(['second', 'minute', 'hour', 'day', 'week', 'month', 'year']);

function parseHumanDuration(text: string): HumanDuration | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'less than a second') return { kind: 'moment' };
  if (value === 'about a minute') return { kind: 'about', unit: 'minute' };
  if (value === 'about an hour') return { kind: 'about', unit: 'hour' };
  const match = /^(\d+) (second|minute|hour|day|week|month|year)s?$/.exec(value);
  if (!match) return undefined;
  const unit = match[2] as DurationUnit;
  return UNITS.has(unit) ? { kind: 'count', amount: Number(match[1]), unit } : undefined;
}

/** The status line taken apart; undefined for a line outside the engine's grammar (shown as it is). */
export function parseContainerStatus(status: string): ContainerStatus | undefined {
  const text = status.trim();
  if (text === 'Created') return { kind: 'created' };
  if (text === 'Removal In Progress') return { kind: 'removing' };
  if (text === 'Dead') return { kind: 'dead' };
  const up = /^Up (.+?)( \(Paused\))?( \((healthy|unhealthy|health: starting)\))?$/.exec(text);
  if (up) {
    const duration = parseHumanDuration(up[1]!);
    if (!duration) return undefined;
    const health = up[4] === undefined ? undefined : up[4] === 'health: starting' ? 'starting' : (up[4] as 'healthy' | 'unhealthy');
    return { kind: 'up', for: duration, paused: up[2] !== undefined, ...(health ? { health } : {}) };
  }
  const ended = /^(Exited|Restarting) \((-?\d+)\)(?: (.+) ago)?$/.exec(text);
  if (ended) {
    const exitCode = Number(ended[2]);
    const ago = ended[3] === undefined ? undefined : parseHumanDuration(ended[3]);
    if (ended[3] !== undefined && !ago) return undefined;
    if (ended[1] === 'Exited') return { kind: 'exited', exitCode, ...(ago ? { ago } : {}) };
    return ago ? { kind: 'restarting', exitCode, ago } : undefined;
  }
  return undefined;
}
