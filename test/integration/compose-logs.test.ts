// compose.logs: the project's services' logs merged in time order with each line's service, as
// `docker compose logs` shows them; with follow, each container continues after its history with
// no line lost or sent twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/main/backend';
import { createEngine } from '../../src/main/engine/core/engine';
import { webHost } from '../../src/main/host';
import { timestampNanos } from '../../src/shared/logs/time';
import type { ComposeLogBatch, ComposeLogLine } from '../../src/shared/types/compose';
import { upComposeProject, uniqueProjectName, type ComposeProjectFixture } from '../helpers/compose';
import { waitFor } from '../helpers/engine';
import { probe } from '../helpers/stream-probe';

const engine = createEngine();
const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
let made: ComposeProjectFixture | undefined;
const projectName = (): string => {
  if (!made) throw new Error('the compose project was not made');
  return made.name;
};

// Both services print a numbered line every 0.1 s, so their lines interleave in time.
const printer = (service: string): string => `i=0; while true; do i=$((i+1)); echo ${service} $i; sleep 0.1; done`;

beforeAll(async () => {
  made = await upComposeProject(uniqueProjectName('logs'), { web: printer('web'), worker: printer('worker') });
}, 180_000);

afterAll(async () => {
  await made?.remove();
  engine.monitor.stop();
}, 120_000);

const linesOf = (messages: ComposeLogBatch[]): ComposeLogLine[] => messages.flatMap((m) => m.lines);

/** Each line says its service and number ("web 7"): the line's service must be that one. */
function parsed(line: ComposeLogLine): { service: string; n: number } {
  const [service, n] = line.text.split(' ');
  expect(service, line.text).toBe(line.service);
  return { service: service!, n: Number(n) };
}

function expectTimeOrder(lines: readonly ComposeLogLine[]): void {
  const times = lines.map((line) => timestampNanos(line.timestamp ?? ''));
  for (let i = 1; i < times.length; i += 1) expect(times[i]! >= times[i - 1]!, `${lines[i - 1]!.text} before ${lines[i]!.text}`).toBe(true);
}

/** How often the service changes from one line to the next: interleaved lines change often. */
const switches = (lines: readonly ComposeLogLine[]): number => lines.filter((line, i) => i > 0 && line.service !== lines[i - 1]!.service).length;

describe('compose.logs', () => {
  it('merges both services by time, each line with its service and container', async () => {
    // Enough history that each service has printed 15 lines.
    await waitFor(
      async () => {
        const view = probe(dispatcher, 'compose.logs', { project: projectName(), tail: 'all' });
        await waitFor(() => view.final(), { timeout: 10_000 });
        const lines = linesOf(view.messages<ComposeLogBatch>());
        return lines.filter((l) => l.service === 'web').length >= 15 && lines.filter((l) => l.service === 'worker').length >= 15;
      },
      { timeout: 30_000, interval: 300 },
    );
    const view = probe(dispatcher, 'compose.logs', { project: projectName(), tail: 'all' });
    await waitFor(() => view.final(), { timeout: 10_000 });
    expect(view.final()?.kind).toBe('end');
    const messages = view.messages<ComposeLogBatch>();
    expect(messages[0]?.first).toBe(true);
    const lines = linesOf(messages);
    expect(new Set(lines.map((l) => l.service))).toEqual(new Set(['web', 'worker']));
    for (const line of lines) expect(line.container).toBe(`${projectName()}_${line.service}_1`);
    expectTimeOrder(lines);
    expect(switches(lines)).toBeGreaterThanOrEqual(10);
    // Every line of each service, in order, once.
    for (const service of ['web', 'worker']) {
      const numbers = lines
        .map(parsed)
        .filter((p) => p.service === service)
        .map((p) => p.n);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  }, 60_000);

  it('tail takes the last lines of each container; follow goes on from there with no line lost or repeated', async () => {
    const view = probe(dispatcher, 'compose.logs', { project: projectName(), tail: 5, follow: true });
    try {
      const first = await view.waitForMessage<ComposeLogBatch>((m) => m.first === true);
      expect(first.lines.filter((l) => l.service === 'web')).toHaveLength(5);
      expect(first.lines.filter((l) => l.service === 'worker')).toHaveLength(5);
      expectTimeOrder(first.lines);
      const start = Object.fromEntries(['web', 'worker'].map((s) => [s, first.lines.map(parsed).find((p) => p.service === s)!.n]));
      // Followed until each service has printed 15 more lines.
      await waitFor(
        () => {
          const numbers = linesOf(view.messages<ComposeLogBatch>()).map(parsed);
          return ['web', 'worker'].every((s) => numbers.filter((p) => p.service === s).length >= 20);
        },
        { timeout: 30_000, message: 'followed lines of both services' },
      );
      const numbers = linesOf(view.messages<ComposeLogBatch>()).map(parsed);
      for (const service of ['web', 'worker']) {
        const own = numbers.filter((p) => p.service === service).map((p) => p.n);
        expect(own, service).toEqual(own.map((_, i) => start[service]! + i));
      }
      expect(view.final()).toBeUndefined();
    } finally {
      view.close();
    }
  }, 60_000);

  it('a project with no container is NOT_FOUND', async () => {
    const view = probe(dispatcher, 'compose.logs', { project: 'berthtestnosuchproject' });
    await waitFor(() => view.final());
    const final = view.final();
    expect(final?.kind === 'error' ? final.error.code : final?.kind).toBe('NOT_FOUND');
  });
});
