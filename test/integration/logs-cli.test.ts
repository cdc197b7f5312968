// The `docker logs --since … --until …` line Berth shows does what Berth did: for each way of
// writing a time that Berth reads, the line is run through the real docker CLI (from another
// folder) and must print exactly the lines Berth showed. Boundaries are the container's own line
// times (`docker logs -t`), so nothing depends on when the test runs or how fast the machine is.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { Dispatcher } from '../../src/main/dispatch';
import type { StreamFrame } from '../../src/shared/transport';
import type { LogBatch } from '../../src/shared/types/logs';
import { normalizeTimeInput, timestampNanos } from '../../src/shared/logs/time';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { startRelayedEngine, type RelayedEngine } from '../helpers/engine-relay';
import { dockerLogsCommand } from '../../src/shared/cli/logs';

const engine = createEngine();
const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
const elsewhere = mkdtempSync(path.join(tmpdir(), 'berth-logs-cli-'));
const savedTz = process.env.TZ;
let container: { id: string; name: string };
/** The container's lines and the time the engine gave each, in nanoseconds. */
let lines: Array<{ text: string; at: bigint }>;

/** Runs a shown command line in a shell, from a folder that is not this one. */
function runLine(line: string, env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', line], { cwd: elsewhere, env }, (err, stdout, stderr) =>
      resolve({ stdout: String(stdout), stderr: String(stderr), code: err ? Number((err as { code?: number }).code ?? 1) : 0 }),
    );
  });
}

/** The lines Berth shows for a query (the renderer's since/until text, '' for none). */
async function berthLines(target: Dispatcher, since: string, until: string): Promise<string[]> {
  const frames: StreamFrame[] = [];
  const input = { id: container.id, tail: 'all', ...(since ? { since } : {}), ...(until ? { until } : {}) };
  const outcome = target.subscribe('logs.fetch', input, (frame) => frames.push(frame));
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  const last = await waitFor(() => frames.find((frame) => frame.kind !== 'data'), { message: 'logs.fetch did not end' });
  if (last.kind === 'error') throw new Error(`${last.error.code}: ${last.error.message}`);
  return frames.flatMap((frame) => (frame.kind === 'data' ? (frame.message as LogBatch).lines.map((line) => line.text) : []));
}

/** This zone's offset now (minutes east of UTC): how the CLI reads a time without a zone. */
const offsetNow = (): number => -new Date().getTimezoneOffset();

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** An instant as wall-clock parts at `offsetMinutes` east of UTC, to the nanosecond. */
function wallClock(nanos: bigint, offsetMinutes: number): { date: string; time: string } {
  const ms = Number(nanos / 1_000_000n) + offsetMinutes * 60_000;
  const at = new Date(ms);
  const fraction = (nanos % 1_000_000_000n).toString().padStart(9, '0');
  return {
    date: `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`,
    time: `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.${fraction}`,
  };
}

function zoneText(offsetMinutes: number, colon: boolean): string {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** Ways of writing an instant that Berth reads; the CLI refuses all but the last two as typed. */
const FORMS: Record<string, (nanos: bigint) => string> = {
  'an offset without a colon (+0200)': (nanos) => {
    const { date, time } = wallClock(nanos, 120);
    return `${date}T${time}+0200`;
  },
  'a space before the zone': (nanos) => {
    const { date, time } = wallClock(nanos, 120);
    return `${date}T${time} +02:00`;
  },
  'lowercase t and z': (nanos) => {
    const { date, time } = wallClock(nanos, 0);
    return `${date}t${time}z`;
  },
  'a space instead of T, a negative half-hour offset': (nanos) => {
    const { date, time } = wallClock(nanos, -330);
    return `${date} ${time}${zoneText(-330, true)}`;
  },
  'local time with a lowercase t': (nanos) => {
    const { date, time } = wallClock(nanos, offsetNow());
    return `${date}t${time}`;
  },
  'RFC 3339 as the CLI takes it': (nanos) => {
    const { date, time } = wallClock(nanos, 330);
    return `${date}T${time}${zoneText(330, true)}`;
  },
};

beforeAll(async () => {
  // Local times are read in a zone with an offset, so a mix-up with UTC shows.
  process.env.TZ = 'Asia/Kolkata';
  const name = uniqueName('logs-cli');
  const made = await docker().createContainer({
    Image: testImage,
    name,
    Cmd: ['sh', '-c', 'i=1; while [ $i -le 6 ]; do echo "line $i"; i=$((i+1)); sleep 0.2; done'],
    Labels: { ...TEST_LABELS },
  });
  await made.start();
  await waitFor(async () => !(await made.inspect()).State.Running, { message: `${name} did not exit` });
  container = { id: made.id, name };
  const stamped = await dockerCli(['logs', '-t', name]);
  lines = stamped.stdout
    .trimEnd()
    .split('\n')
    .map((line) => {
      const [stamp, ...rest] = line.split(' ');
      return { text: rest.join(' '), at: timestampNanos(stamp!)! };
    });
  expect(lines.map((line) => line.text)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'line 6']);
  for (let i = 1; i < lines.length; i += 1) expect(lines[i]!.at > lines[i - 1]!.at).toBe(true);
});

afterAll(async () => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
  engine.monitor.stop();
  rmSync(elsewhere, { recursive: true, force: true });
  await removeTestContainers();
});

describe('the shown docker logs --since/--until line prints what Berth showed', () => {
  for (const [label, write] of Object.entries(FORMS)) {
    it(label, async () => {
      const since = normalizeTimeInput(write(lines[1]!.at));
      const until = normalizeTimeInput(write(lines[4]!.at));
      const shown = await berthLines(dispatcher, since, until);
      expect(shown).toEqual(['line 2', 'line 3', 'line 4', 'line 5']);
      const line = dockerLogsCommand({ name: container.name, tail: 'all', since, until, follow: false, timestamps: false });
      const cli = await runLine(line);
      expect({ line, code: cli.code, stderr: cli.stderr }).toEqual({ line, code: 0, stderr: '' });
      expect(cli.stdout.trimEnd().split('\n')).toEqual(shown);
    });
  }

  it('a date alone, with and without a zone', async () => {
    const until = normalizeTimeInput(FORMS['an offset without a colon (+0200)']!(lines[4]!.at));
    const localDate = wallClock(lines[0]!.at, offsetNow()).date;
    const utcDate = wallClock(lines[0]!.at, 0).date;
    for (const since of [localDate, `${utcDate}z`, `${utcDate} +00:00`]) {
      const shown = await berthLines(dispatcher, normalizeTimeInput(since), until);
      expect(shown).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
      const line = dockerLogsCommand({ name: container.name, tail: 'all', since: normalizeTimeInput(since), until, follow: false, timestamps: false });
      const cli = await runLine(line);
      expect({ line, code: cli.code, stderr: cli.stderr }).toEqual({ line, code: 0, stderr: '' });
      expect(cli.stdout.trimEnd().split('\n')).toEqual(shown);
    }
  });
});

describe('a time without a zone is read with the offset the CLI uses', () => {
  let relayed: RelayedEngine;
  beforeAll(async () => {
    relayed = await startRelayedEngine('berth-logs-cli');
  });
  afterAll(async () => relayed?.stop());

  /** The `since=` the last logs request through the relay carried. */
  const sentSince = (): string => {
    const requests = relayed.relay.connections.flatMap((connection) => connection.requests).filter((request) => /\/logs\?/.test(request));
    const query = new URL(`http://engine${requests.at(-1)!.split(' ')[1]}`).searchParams;
    return query.get('since') ?? '';
  };

  it('a date in the other half of the year: the offset of now, not of that date (Go: time.FixedZone(time.Now().Zone()))', async () => {
    process.env.TZ = 'Europe/Berlin';
    try {
      const now = Date.now();
      const year = new Date(now).getUTCFullYear();
      // The 1st of January or of July, whichever has a different offset from now.
      const date = [`${year}-01-01`, `${year}-07-01`].find((day) => new Date(`${day}T00:00:00`).getTimezoneOffset() !== new Date(now).getTimezoneOffset())!;
      const relayedDispatcher = createBackend({ engine: relayed.engine, host: webHost }).dispatcher;
      await berthLines(relayedDispatcher, normalizeTimeInput(date), '');
      const berthSent = sentSince();
      const line = dockerLogsCommand({ name: container.name, tail: 'all', since: normalizeTimeInput(date), until: '', follow: false, timestamps: false });
      const cli = await runLine(line, { ...process.env, DOCKER_HOST: `unix://${relayed.relay.socketPath}` });
      expect(cli.code).toBe(0);
      expect(berthSent).toBe(sentSince());
    } finally {
      process.env.TZ = 'Asia/Kolkata';
    }
  });
});
