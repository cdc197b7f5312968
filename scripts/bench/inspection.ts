// Bench: the inspection features against the real engine.
//  1. events.watch live latency: container create answered -> its event delivered (40 creates);
//  2. events.watch history: a since/until window replayed to its end frame;
//  3. containers.top through the dispatcher vs `docker top` (CLI process start included);
//  4. the JSON tree: expand-all rows and a search over a real inspect document and a 20k-node one.
import { containerIds, searchJson, visibleRows } from '../../src/renderer/components/json-tree/json-tree-model';
import type { EngineEvent } from '../../src/shared/types/events';
import type { JsonValue } from '../../src/shared/types/inspect';
import type { StreamFrame } from '../../src/shared/transport';
import {
  BENCH_LABELS,
  benchBackend,
  benchDocker,
  dockerCli,
  log as logLine,
  median,
  ms,
  record,
  removeBenchContainers,
  requireEnv,
  round,
  runBench,
} from './lib';

const NAME = 'inspection';
const CREATES = 40;
const TOP_RUNS = 15;
const log = (message: string): void => logLine(NAME, message);
const p95 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] ?? Number.NaN;

function until<T>(check: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      const value = check();
      if (value !== undefined) return resolve(value);
      if (performance.now() > deadline) return reject(new Error('timed out'));
      setImmediate(poll);
    };
    poll();
  });
}

function syntheticDocument(nodes: number): JsonValue {
  const doc: Record<string, JsonValue> = {};
  for (let i = 0; doc && Object.keys(doc).length * 20 < nodes; i++) {
    doc[`Section${i}`] = Object.fromEntries(Array.from({ length: 19 }, (_, j) => [`Key${j}`, j % 3 ? `value-${i}-${j}` : i * j]));
  }
  return doc;
}

runBench(NAME, async (onCleanup) => {
  const image = requireEnv('BERTH_TEST_IMAGE');
  const docker = benchDocker();
  onCleanup(async () => log(`removed ${await removeBenchContainers(docker)} bench containers`));
  const backend = benchBackend(onCleanup);
  const { dispatcher } = backend;

  // 1. Live latency.
  const arrivals = new Map<string, number>();
  const windowStart = Date.now();
  const live = dispatcher.subscribe('events.watch', { types: ['container'], actions: ['create'] }, (frame: StreamFrame) => {
    if (frame.kind === 'data') arrivals.set((frame.message as EngineEvent).actorId, performance.now());
  });
  if (!live.ok) throw new Error(live.error.message);
  const latencies: number[] = [];
  for (let i = 0; i < CREATES; i++) {
    const container = await docker.createContainer({ Image: image, name: `berth-bench-events-${process.pid}-${i}`, Labels: { ...BENCH_LABELS } });
    const answered = performance.now();
    const arrived = await until(() => arrivals.get(container.id));
    // Negative: the event was delivered before the create request's own answer arrived.
    latencies.push(arrived - answered);
  }
  live.close();
  const windowEnd = Date.now();
  const late = latencies.map((v) => Math.max(0, v));
  log(
    `live: event delivered after the create was answered: median ${ms(median(late))}, p95 ${ms(p95(late))} over ${CREATES} (${latencies.filter((v) => v <= 0).length} arrived before the answer)`,
  );
  record({
    name: 'event after create answered (p95)',
    value: round(p95(late)),
    unit: 'ms',
    goal: { kind: 'max', value: 50 },
    details: { median: round(median(late)), samples: latencies.map((v) => round(v)) },
  });

  // 2. History replay to the end frame.
  const replayTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const frames: StreamFrame[] = [];
    const started = performance.now();
    const sub = dispatcher.subscribe('events.watch', { types: ['container'], since: String(windowStart / 1000), until: String(windowEnd / 1000) }, (frame) =>
      frames.push(frame),
    );
    if (!sub.ok) throw new Error(sub.error.message);
    await until(() => (frames.at(-1)?.kind === 'end' ? true : undefined));
    replayTimes.push(performance.now() - started);
    const creates = frames.filter((f) => f.kind === 'data' && (f.message as EngineEvent).action === 'create').length;
    if (creates !== CREATES) throw new Error(`history replayed ${creates} creates, expected ${CREATES}`);
  }
  log(`history: ${CREATES} creates replayed to the end frame: median ${ms(median(replayTimes))}`);
  record({
    name: 'history replay (median)',
    value: round(median(replayTimes)),
    unit: 'ms',
    goal: { kind: 'max', value: 500 },
    details: { samples: replayTimes.map((v) => round(v)) },
  });

  // 3. top vs docker top.
  const running = await docker.createContainer({
    Image: image,
    name: `berth-bench-top-${process.pid}`,
    Cmd: ['sh', '-c', 'sleep 1001 & sleep 1002 & sleep 1003'],
    Labels: { ...BENCH_LABELS },
  });
  await running.start();
  const handler: number[] = [];
  const cli: number[] = [];
  for (let run = 0; run < TOP_RUNS + 2; run++) {
    let started = performance.now();
    const outcome = await dispatcher.invoke('containers.top', { id: running.id });
    const handlerMs = performance.now() - started;
    if (!outcome.ok) throw new Error(outcome.error.message);
    started = performance.now();
    await dockerCli(['top', running.id, '-ef']);
    const cliMs = performance.now() - started;
    if (run >= 2) {
      handler.push(handlerMs);
      cli.push(cliMs);
    }
  }
  const ratio = median(handler) / median(cli);
  log(`top: handler median ${ms(median(handler))}, docker top median ${ms(median(cli))}, ratio ${ratio.toFixed(2)}x`);
  record({
    name: 'containers.top vs docker top',
    value: round(ratio),
    unit: 'x',
    goal: { kind: 'max', value: 1.5 },
    details: { handlerMedianMs: round(median(handler)), cliMedianMs: round(median(cli)) },
  });

  // 4. The JSON tree on a real inspect document and on a big one.
  const inspected = await dispatcher.invoke('containers.inspect', { id: running.id });
  if (!inspected.ok) throw new Error(inspected.error.message);
  for (const [label, doc, goal] of [
    ['inspect document', inspected.result as JsonValue, 5],
    ['20k-node document', syntheticDocument(20_000), 100],
  ] as const) {
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run < 10; run++) {
      const started = performance.now();
      const expanded = containerIds(doc);
      rows = visibleRows(doc, expanded).length;
      searchJson(doc, 'value-1');
      times.push(performance.now() - started);
    }
    log(`json tree, ${label}: expand all (${rows} rows) + search: median ${ms(median(times))}`);
    record({
      name: `json tree ${label} (expand all + search)`,
      value: round(median(times)),
      unit: 'ms',
      goal: { kind: 'max', value: goal },
      details: { rows },
    });
  }
});
