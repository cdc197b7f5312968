// Child process for the registry bench: the real dispatcher pulling from the bench registry, with
// an images.tasks subscriber standing in for the renderer (every frame it would get is counted).
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { RegistryTask, RegistryTaskStart } from '../../src/shared/types/registries';
import { answerRequests, dispatcherCalls } from './worker-calls';

type Request = { op: 'pull'; reference: string } | { op: 'exit' };

const engine = createEngine();
const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
const { call } = dispatcherCalls(dispatcher);

let frames: Array<{ at: number; tasks: RegistryTask[] }> = [];
const waiting = new Map<string, (task: RegistryTask) => void>();
const subscription = dispatcher.subscribe('images.tasks', {}, (frame) => {
  if (frame.kind !== 'data') return;
  const tasks = frame.message as RegistryTask[];
  frames.push({ at: performance.now(), tasks });
  for (const task of tasks) {
    if (task.phase !== 'running') waiting.get(task.taskId)?.(task);
  }
});
if (!subscription.ok) throw new Error(subscription.error.message);

/** The most frames any one-second window held. */
function busiestSecond(times: number[]): number {
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! > 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

async function run(request: Exclude<Request, { op: 'exit' }>): Promise<{ ms: number; bytes: number; frames: number; busiestSecond: number; layers: number }> {
  frames = [];
  const started = performance.now();
  const { taskId } = await call<RegistryTaskStart>('images.pull', { reference: request.reference });
  const task = await new Promise<RegistryTask>((resolve) => waiting.set(taskId, resolve));
  waiting.delete(taskId);
  const ms = performance.now() - started;
  if (task.phase !== 'done') throw new Error(`pull ${task.phase}: ${task.error?.message}`);
  const times = frames.filter((frame) => frame.tasks.some((t) => t.taskId === taskId)).map((frame) => frame.at);
  return { ms, bytes: task.bytes, frames: times.length, busiestSecond: busiestSecond(times), layers: task.layers.length };
}

answerRequests<Request>(run);
