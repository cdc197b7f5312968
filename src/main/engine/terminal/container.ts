import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import { engineCall } from '../core/errors';

export interface ContainerFacts {
  id: string;
  name: string;
  running: boolean;
  tty: boolean;
  openStdin: boolean;
  /** The main process: path and arguments. */
  command: string[];
}

/** What a session needs to know about its container; refuses a paused one with a plain message. */
export async function containerFacts(docker: Docker, ref: string, action: string): Promise<ContainerFacts> {
  const info = await engineCall(() => docker.getContainer(ref).inspect(), { action: `${action} ${ref}` });
  const name = info.Name.replace(/^\//, '');
  if (info.State.Paused) throw new BerthError('CONFLICT', `Container ${name} is paused. Unpause it first.`);
  return {
    id: info.Id,
    name,
    running: info.State.Running,
    tty: info.Config.Tty,
    openStdin: info.Config.OpenStdin,
    command: [info.Path, ...(info.Args ?? [])],
  };
}

/** Like containerFacts, and the container must be running (exec needs a running container). */
export async function runningContainer(docker: Docker, ref: string, action: string): Promise<ContainerFacts> {
  const facts = await containerFacts(docker, ref, action);
  if (!facts.running) throw new BerthError('CONFLICT', `Container ${facts.name} is not running. Start it first.`);
  return facts;
}

/**
 * The engine closes a session's connection a moment before it records how the process ended:
 * asks `probe` until it answers, for at most `timeoutMs`; undefined if it never did.
 */
export async function settleWithin<T>(probe: () => Promise<T | undefined>, timeoutMs = 1500, intervalMs = 50): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
