// Bench: the desktop features' hot paths, no engine needed.
// - palette: filtering 2 000 commands on each keystroke of a typed query. Goal: at most 8 ms a
//   keystroke (half a 60 Hz frame), so typing never stutters.
// - settings: `settings.set` through the real dispatcher, each one written to disk atomically
//   (temp file, fsync, rename). Goal: at most 50 ms, so a toggle feels instant.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { fuzzyFilter } from '../../src/renderer/commands/fuzzy';
import type { AppCommand } from '../../src/renderer/commands/registry';
import { log as logLine, median, ms, record, round, runBench } from './lib';

const NAME = 'desktop';
const COMMANDS = 2_000;
const QUERIES = ['stop', 'go to eng', 'open web-1234', 'rst', 'show the logs tab'];
const PALETTE_GOAL_MS = 8;
const SETTINGS_WRITES = 40;
const SETTINGS_GOAL_MS = 50;
const log = (message: string): void => logLine(NAME, message);

function commands(): AppCommand[] {
  const verbs = ['Start', 'Stop', 'Restart', 'Kill', 'Pause', 'Unpause', 'Remove'];
  const list: AppCommand[] = verbs.map((verb) => ({ id: `container.${verb}`, title: verb, group: '3 selected containers', run: () => undefined }));
  for (let i = list.length; i < COMMANDS; i += 1) {
    list.push({
      id: `container.open.${i}`,
      title: `Open web-${i}`,
      group: 'Open a container',
      keywords: [`${i.toString(16).padStart(12, '0')}`, 'berth-test/busybox:latest'],
      run: () => undefined,
    });
  }
  return list;
}

runBench(NAME, async (onCleanup) => {
  const all = commands();
  const texts = (command: AppCommand): string[] => [command.title, `${command.group} ${command.title}`, ...(command.keywords ?? [])];
  const perKeystroke: number[] = [];
  for (let round_ = 0; round_ < 5; round_ += 1) {
    for (const query of QUERIES) {
      for (let length = 1; length <= query.length; length += 1) {
        const started = performance.now();
        fuzzyFilter(all, query.slice(0, length), texts);
        perKeystroke.push(performance.now() - started);
      }
    }
  }
  const palette = median(perKeystroke);
  const worst = Math.max(...perKeystroke);
  log(`palette: ${COMMANDS} commands, ${perKeystroke.length} keystrokes: median ${ms(palette)}, worst ${ms(worst)}`);
  record({
    name: 'palette filter per keystroke (2000 commands)',
    value: round(palette, 3),
    unit: 'ms',
    goal: { kind: 'max', value: PALETTE_GOAL_MS },
    details: { worstMs: round(worst, 3), keystrokes: perKeystroke.length },
  });

  const dir = await mkdtemp(path.join(tmpdir(), 'berth-bench-settings-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const engine = createEngine({ DOCKER_HOST: 'unix:///nonexistent/berth-bench.sock' });
  const host = { ...webHost, settingsDir: dir };
  const dispatcher = createBackend({ engine, host }).dispatcher;
  const writes: number[] = [];
  for (let i = 0; i < SETTINGS_WRITES; i += 1) {
    const started = performance.now();
    const outcome = await dispatcher.invoke('settings.set', { logs: { tail: 100 + i }, theme: i % 2 ? 'dark' : 'light' });
    writes.push(performance.now() - started);
    if (!outcome.ok) throw new Error(outcome.error.message);
  }
  const settings = median(writes);
  log(`settings.set (atomic write): median ${ms(settings)}, worst ${ms(Math.max(...writes))} over ${SETTINGS_WRITES}`);
  record({
    name: 'settings.set saved to disk',
    value: round(settings, 2),
    unit: 'ms',
    goal: { kind: 'max', value: SETTINGS_GOAL_MS },
    details: { worstMs: round(Math.max(...writes), 2), writes: SETTINGS_WRITES },
  });
});
