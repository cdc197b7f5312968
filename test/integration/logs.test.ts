// logs.fetch / logs.follow / logs.info against the real engine, compared with `docker logs`.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine, type Engine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { LogBatch, LogInfo, LogLine } from '../../src/shared/types/logs';
import type { StreamFrame } from '../../src/shared/transport';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';

let engine: Engine;
let dispatcher: Dispatcher;

export interface Collected {
  lines: LogLine[];
  frames: StreamFrame[];
  close: () => void;
  /** The end or error frame, once there is one. */
  last(): StreamFrame | undefined;
}

export function collect(target: Dispatcher, topic: string, input: unknown): Collected {
  const frames: StreamFrame[] = [];
  const lines: LogLine[] = [];
  const outcome = target.subscribe(topic, input, (frame) => {
    frames.push(frame);
    if (frame.kind === 'data') lines.push(...(frame.message as LogBatch).lines);
  });
  if (!outcome.ok) throw new Error(`${topic}: ${outcome.error.code}: ${outcome.error.message}`);
  return { lines, frames, close: outcome.close, last: () => frames.find((frame) => frame.kind !== 'data') };
}

/** A whole `logs.fetch`: every line, once the stream ended. */
async function fetchAll(input: Record<string, unknown>): Promise<LogLine[]> {
  const stream = collect(dispatcher, 'logs.fetch', input);
  const last = await waitFor(() => stream.last(), { message: 'logs.fetch did not end' });
  if (last.kind === 'error') throw new Error(`${last.error.code}: ${last.error.message}`);
  return stream.lines;
}

async function fetchError(input: Record<string, unknown>): Promise<{ code: string; message: string }> {
  const frames: StreamFrame[] = [];
  const outcome = dispatcher.subscribe('logs.fetch', input, (frame) => frames.push(frame));
  if (!outcome.ok) return outcome.error;
  const last = await waitFor(() => frames.find((frame) => frame.kind !== 'data'));
  if (last.kind !== 'error') throw new Error('expected an error frame');
  return last.error;
}

async function runToExit(name: string, script: string, options: { tty?: boolean; logConfig?: Record<string, string>; driver?: string } = {}): Promise<string> {
  const container = await docker().createContainer({
    Image: testImage,
    name,
    Cmd: ['sh', '-c', script],
    Tty: options.tty ?? false,
    Labels: { ...TEST_LABELS },
    HostConfig: { LogConfig: { Type: options.driver ?? 'json-file', Config: options.logConfig ?? {} } },
  });
  await container.start();
  await waitFor(async () => !(await container.inspect()).State.Running, { message: `${name} did not exit` });
  return container.id;
}

/** Splits CLI output into lines (dropping the final newline). */
const cliLines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

beforeAll(() => {
  engine = createEngine();
  dispatcher = createBackend({ engine, host: webHost }).dispatcher;
});

afterEach(() => {
  expect(dispatcher.openStreamCount(), 'a stream was left open').toBe(0);
});

afterAll(async () => {
  await removeTestContainers();
});

describe('logs of a non-TTY container', () => {
  const name = uniqueName('logs-plain');
  const script = 'echo out-1; echo err-1 >&2; echo out-2; printf "\\033[31mred\\033[0m and tab\\there\\n"; echo err-2 >&2; printf "last without newline"';

  beforeAll(async () => {
    await runToExit(name, script);
  });

  it('tells stdout and stderr apart, in order, as `docker logs` does', async () => {
    const lines = await fetchAll({ id: name, tail: 'all' });
    const cli = await dockerCli(['logs', name]);
    expect(lines.filter((l) => l.stream === 'stdout').map((l) => l.text)).toEqual(cliLines(cli.stdout));
    expect(lines.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(cliLines(cli.stderr));
    // The engine reads stdout and stderr separately: order is kept within each, not between them.
    expect(lines.filter((l) => l.stream === 'stdout').map((l) => l.text)).toEqual([
      'out-1',
      'out-2',
      '\x1b[31mred\x1b[0m and tab\there',
      'last without newline',
    ]);
    expect(lines.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(['err-1', 'err-2']);
    expect(lines.every((l) => l.timestamp === undefined)).toBe(true);
  });

  it('gives each line the timestamp `docker logs --timestamps` shows', async () => {
    const lines = await fetchAll({ id: name, tail: 'all', timestamps: true });
    const cli = await dockerCli(['logs', '--timestamps', name]);
    expect(lines.filter((l) => l.stream === 'stdout').map((l) => `${l.timestamp} ${l.text}`)).toEqual(cliLines(cli.stdout));
    expect(lines.filter((l) => l.stream === 'stderr').map((l) => `${l.timestamp} ${l.text}`)).toEqual(cliLines(cli.stderr));
  });

  it('takes the last N lines with tail, as `docker logs --tail` does', async () => {
    const lines = await fetchAll({ id: name, tail: 2 });
    const cli = await dockerCli(['logs', '--tail', '2', name]);
    expect(lines).toHaveLength(2);
    expect(lines.filter((l) => l.stream === 'stdout').map((l) => l.text)).toEqual(cliLines(cli.stdout));
    expect(lines.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(cliLines(cli.stderr));
    expect(await fetchAll({ id: name, tail: 0 })).toEqual([]);
  });

  it('reads since and until to the nanosecond', async () => {
    const all = await fetchAll({ id: name, tail: 'all', timestamps: true });
    const third = all[2]!.timestamp!;
    // Fixed-width UTC timestamps compare as strings.
    const since = await fetchAll({ id: name, tail: 'all', timestamps: true, since: third });
    expect(since).toEqual(all.filter((l) => l.timestamp! >= third));
    const until = await fetchAll({ id: name, tail: 'all', timestamps: true, until: third });
    // The engine stops at the first line (in its file's order) later than until.
    const firstLater = all.findIndex((l) => l.timestamp! > third);
    expect(until).toEqual(firstLater === -1 ? all : all.slice(0, firstLater));
    expect(until.at(-1)?.timestamp! <= third && until.length >= 1).toBe(true);
    expect(await fetchAll({ id: name, tail: 'all', since: '1h' })).toHaveLength(all.length);
    expect(await fetchAll({ id: name, tail: 'all', until: '1h' })).toEqual([]);
  });
});

describe('logs of a TTY container', () => {
  const name = uniqueName('logs-tty');

  beforeAll(async () => {
    await runToExit(name, 'echo tty-out; echo tty-err >&2; printf "\\033[1;32mbold green\\033[0m\\n"; printf "no newline"', { tty: true });
  });

  it('reads raw bytes: one stream, \\r\\n endings removed, as `docker logs` shows', async () => {
    const lines = await fetchAll({ id: name, tail: 'all', timestamps: true });
    expect(lines.map((l) => l.text)).toEqual(['tty-out', 'tty-err', '\x1b[1;32mbold green\x1b[0m', 'no newline']);
    expect(lines.every((l) => l.stream === 'stdout' && /^\d{4}-\d\d-\d\dT/.test(l.timestamp ?? ''))).toBe(true);
    const cli = await dockerCli(['logs', name]);
    expect(cli.stdout.replace(/\r\n/g, '\n')).toBe(lines.map((l) => l.text).join('\n'));
  });

  it('says the container is a TTY one in logs.info', async () => {
    const info = await dispatcher.invoke('logs.info', { id: name });
    expect(info.ok && (info.result as LogInfo).tty).toBe(true);
  });
});

describe('logs.follow', () => {
  it('receives lines written after subscribing, and ends when the container stops', async () => {
    const name = uniqueName('logs-follow');
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', 'echo ready; exec sleep 300'], Labels: { ...TEST_LABELS } });
    await container.start();
    const stream = collect(dispatcher, 'logs.follow', { id: name, tail: 10 });
    await waitFor(() => stream.lines.some((l) => l.text === 'ready'), { message: 'the first line did not arrive' });
    // Writes to the main process's stdout: the container's log, after the subscription.
    const exec = await container.exec({ Cmd: ['sh', '-c', 'echo written-later > /proc/1/fd/1; echo to-stderr > /proc/1/fd/2'] });
    await exec.start({ Detach: true });
    await waitFor(() => ['written-later', 'to-stderr'].every((text) => stream.lines.some((l) => l.text === text)), {
      message: 'lines written later did not arrive',
    });
    // The engine keeps order within stdout and within stderr, not between them.
    const texts = (which: string): string[] => stream.lines.filter((l) => l.stream === which).map((l) => l.text);
    expect(texts('stdout')).toEqual(['ready', 'written-later']);
    expect(texts('stderr')).toEqual(['to-stderr']);
    expect(stream.lines).toHaveLength(3);
    await container.stop({ t: 0 });
    const last = await waitFor(() => stream.last(), { message: 'follow did not end when the container stopped' });
    expect(last.kind).toBe('end');
  });

  it('is cancelled by close: no stream is left open in main', async () => {
    const name = uniqueName('logs-cancel');
    const container = await docker().createContainer({
      Image: testImage,
      name,
      Cmd: ['sh', '-c', 'while true; do echo tick; sleep 0.1; done'],
      Labels: { ...TEST_LABELS },
    });
    await container.start();
    const stream = collect(dispatcher, 'logs.follow', { id: name, tail: 0 });
    await waitFor(() => stream.lines.length >= 2);
    expect(dispatcher.openStreamCount()).toBe(1);
    stream.close();
    expect(dispatcher.openStreamCount()).toBe(0);
    const count = stream.lines.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(stream.lines.length).toBe(count);
    await container.remove({ force: true });
  });

  it('ends plainly when the container is removed while following', async () => {
    const name = uniqueName('logs-gone');
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', 'echo here; exec sleep 300'], Labels: { ...TEST_LABELS } });
    await container.start();
    const stream = collect(dispatcher, 'logs.follow', { id: name, tail: 'all' });
    await waitFor(() => stream.lines.length === 1);
    await container.remove({ force: true });
    const last = await waitFor(() => stream.last(), { message: 'follow did not stop when the container was removed' });
    // Removal stops the container first: the stream either ends, or says the container is gone.
    if (last.kind === 'error') expect(last.error).toEqual({ code: 'NOT_FOUND', message: `Container ${name} no longer exists.` });
    else expect(last.kind).toBe('end');
  });
});

describe('errors', () => {
  it('says plainly that a container does not exist', async () => {
    const error = await fetchError({ id: 'berth-test-no-such-container' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/no such container: berth-test-no-such-container/i);
  });

  it('refuses bad since/until/tail values as INVALID_INPUT, opening nothing', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ id: 'x', since: 'yesterday' }, /since: Use a time such as/],
      [{ id: 'x', until: '2024-02-31T00:00:00Z' }, /until: Use a time such as/],
      [{ id: 'x', since: '10m', until: '1h' }, /since is later than until/],
      [{ id: 'x', tail: -1 }, /tail/],
      [{ id: 'x', tail: 'some' }, /tail/],
      [{ id: '' }, /container id or name/],
    ];
    for (const [input, message] of cases) {
      const outcome = dispatcher.subscribe('logs.follow', input, () => undefined);
      expect(outcome.ok, JSON.stringify(input)).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('INVALID_INPUT');
        expect(outcome.error.message).toMatch(message);
      }
    }
  });

  it('says when the log driver keeps no logs ("none")', async () => {
    const name = uniqueName('logs-none');
    await runToExit(name, 'echo lost', { driver: 'none' });
    const info = await dispatcher.invoke('logs.info', { id: name });
    expect(info.ok && (info.result as LogInfo)).toMatchObject({ driver: 'none', readable: false, unbounded: false });
    const error = await fetchError({ id: name });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('"none" log driver');
  });

  it('reads a binary log without failing: invalid UTF-8 shown as U+FFFD', async () => {
    const name = uniqueName('logs-binary');
    await runToExit(name, 'head -c 200000 /dev/urandom; echo; echo after-binary');
    const lines = await fetchAll({ id: name, tail: 'all' });
    expect(lines.at(-1)?.text).toBe('after-binary');
    expect(lines.some((l) => l.text.includes('\uFFFD'))).toBe(true);
  });
});

describe('logs.info', () => {
  it('reports max-size/max-file of a json-file log', async () => {
    const name = uniqueName('logs-limits');
    await runToExit(name, 'true', { logConfig: { 'max-size': '1m', 'max-file': '3' } });
    const outcome = await dispatcher.invoke('logs.info', { id: name });
    expect(outcome.ok && outcome.result).toMatchObject({ name, driver: 'json-file', maxSize: '1m', maxFile: 3, unbounded: false, readable: true, tty: false });
  });

  it('says a json-file log without max-size is unbounded', async () => {
    const name = uniqueName('logs-unbounded');
    await runToExit(name, 'true');
    const outcome = await dispatcher.invoke('logs.info', { id: name });
    expect(outcome.ok && outcome.result).toMatchObject({ driver: 'json-file', unbounded: true });
  });

  it('reports the local driver with its built-in limits', async () => {
    const name = uniqueName('logs-local');
    await runToExit(name, 'echo local-line', { driver: 'local' });
    const outcome = await dispatcher.invoke('logs.info', { id: name });
    expect(outcome.ok && outcome.result).toMatchObject({ driver: 'local', maxSize: '20m', maxFile: 5, defaultLimits: true, unbounded: false });
    expect((await fetchAll({ id: name, tail: 'all' })).map((l) => l.text)).toEqual(['local-line']);
  });
});
