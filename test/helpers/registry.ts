// Set-up for the registry tests: a private docker config folder (never the user's ~/.docker), the
// test registry from scripts/test-registry.mjs, and a dispatcher whose every output is recorded so
// a test can check that a password appears nowhere.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine, type Engine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { RegistryTask } from '../../src/shared/types/registries';
import type { InvokeOutcome } from '../../src/shared/transport';
import { waitFor } from './engine';

export { pushRandomImage, pushTaggedImage, startRegistry, type TestRegistry } from '../../scripts/test-registry.mjs';

export const dockerHost = (): string => process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';

/** Points DOCKER_CONFIG (Berth's and the CLI's) at a fresh folder; returns it and the undo. */
export async function privateDockerConfig(): Promise<{ dir: string; restore: () => Promise<void> }> {
  const before = process.env.DOCKER_CONFIG;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-docker-config-'));
  process.env.DOCKER_CONFIG = dir;
  return {
    dir,
    restore: async () => {
      if (before === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = before;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes `docker-credential-berthtest`, a helper speaking the CLI's protocol that keeps logins in a
 * JSON file beside it, into a fresh folder put first on PATH (for this process and what it runs).
 */
export async function installTestCredentialHelper(): Promise<{ dir: string; storeFile: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-cred-helper-'));
  const storeFile = path.join(dir, 'store.json');
  const program = path.join(dir, 'docker-credential-berthtest');
  await writeFile(
    program,
    `#!${process.execPath}
const fs = require('node:fs');
const file = ${JSON.stringify(storeFile)};
const read = () => { try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return {}; } };
const input = fs.readFileSync(0, 'utf8').trim();
const store = read();
const action = process.argv[2];
if (action === 'store') {
  const record = JSON.parse(input);
  store[record.ServerURL] = { Username: record.Username, Secret: record.Secret };
  fs.writeFileSync(file, JSON.stringify(store));
} else if (action === 'get') {
  const found = store[input];
  if (!found) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
  process.stdout.write(JSON.stringify({ ServerURL: input, Username: found.Username, Secret: found.Secret }));
} else if (action === 'erase') {
  if (!store[input]) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
  delete store[input];
  fs.writeFileSync(file, JSON.stringify(store));
} else if (action === 'list') {
  const list = {};
  for (const [server, entry] of Object.entries(store)) list[server] = entry.Username;
  process.stdout.write(JSON.stringify(list));
} else { process.exit(2); }
`,
  );
  await chmod(program, 0o755);
  const pathBefore = process.env.PATH;
  process.env.PATH = `${dir}:${pathBefore ?? ''}`;
  return {
    dir,
    storeFile,
    remove: async () => {
      process.env.PATH = pathBefore;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A dispatcher on the test engine that records every outcome, frame and log line it produced. */
export interface RecordingDispatcher {
  engine: Engine;
  dispatcher: Dispatcher;
  /** Everything produced, as text, for "the password is nowhere" checks. */
  transcript: string[];
  invoke(channel: string, input: unknown): Promise<InvokeOutcome>;
  call<T>(channel: string, input: unknown): Promise<T>;
  /** The images.tasks frames received since the start. */
  taskFrames: RegistryTask[][];
  task(taskId: string): RegistryTask | undefined;
  settled(taskId: string, timeout?: number): Promise<RegistryTask>;
  close(): void;
}

export function recordingDispatcher(): RecordingDispatcher {
  const engine = createEngine();
  const transcript: string[] = [];
  const dispatcher = createBackend({
    engine,
    host: webHost,
    log: (message, err) => {
      transcript.push(`${message} ${err instanceof Error ? `${err.message} ${err.stack ?? ''}` : String(err)}`);
    },
  }).dispatcher;
  const taskFrames: RegistryTask[][] = [];
  const subscription = dispatcher.subscribe('images.tasks', {}, (frame) => {
    transcript.push(JSON.stringify(frame));
    if (frame.kind === 'data') taskFrames.push(frame.message as RegistryTask[]);
  });
  if (!subscription.ok) throw new Error(subscription.error.message);
  const latest = (taskId: string): RegistryTask | undefined => taskFrames.at(-1)?.find((t) => t.taskId === taskId);
  const invoke = async (channel: string, input: unknown): Promise<InvokeOutcome> => {
    const outcome = await dispatcher.invoke(channel, input);
    transcript.push(JSON.stringify(outcome));
    return outcome;
  };
  return {
    engine,
    dispatcher,
    transcript,
    invoke,
    async call<T>(channel: string, input: unknown): Promise<T> {
      const outcome = await invoke(channel, input);
      if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code}: ${outcome.error.message}`);
      return outcome.result as T;
    },
    taskFrames,
    task: latest,
    settled: (taskId, timeout = 120_000) =>
      waitFor(
        () => {
          const task = latest(taskId);
          return task && task.phase !== 'running' ? task : undefined;
        },
        { timeout, interval: 50, message: `task ${taskId} to end` },
      ),
    close() {
      subscription.close();
      engine.monitor.stop();
    },
  };
}
