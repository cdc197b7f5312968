// Child process for the registry bench: the real dispatcher pulling from the bench registry, with
// an images.tasks subscriber standing in for the renderer (every frame it would get is counted).
import { createEngine } from '../../src/main/engine/engine';
import { createEngineDispatcher } from '../../src/main/handlers';
import type { RegistryTask, RegistryTaskStart } from '../../src/shared/types/registries';
import { answerRequests, dispatcherCalls } from './worker-calls';

type Request = { op: 'pull'; reference: string } | { op: 'exit' };

const engine = createEngine();
const dispatcher = createEngineDispatcher(engine);
const { call } = dispatcherCalls(dispatcher);

let frames: RegistryTask[][] = [];
const waiting = new Map<string, (task: RegistryTask) => void>();
const subscription = dispatcher.subscribe('images.tasks', {}, (frame) => {
  if (frame.kind !== 'data') return;
  const tasks = frame.message as RegistryTask[];
  frames.push(tasks);
  for (const task of tasks) {
    if (task.phase !== 'running') waiting.get(task.taskId)?.(task);
  }
});
if (!subscription.ok) throw new Error(subscription.error.message);

async function run(request: Exclude<Request, { op: 'exit' }>): Promise<{ ms: number; bytes: number; frames: number; layers: number }> {
  frames = [];
  const started = performance.now();
  const { taskId } = await call<RegistryTaskStart>('images.pull', { reference: request.reference });
  const task = await new Promise<RegistryTask>((resolve) => waiting.set(taskId, resolve));
  waiting.delete(taskId);
  const ms = performance.now() - started;
  if (task.phase !== 'done') throw new Error(`pull ${task.phase}: ${task.error?.message}`);
  const framesWithTask = frames.filter((list) => list.some((t) => t.taskId === taskId)).length;
  return { ms, bytes: task.bytes, frames: framesWithTask, layers: task.layers.length };
}

answerRequests<Request>(run);
