import { z } from 'zod';
import type { ContainerProcesses } from '../types/top';
import { command, returns } from './define';
import { containerRef } from './schemas';

/**
 * Options for the `ps` the engine runs on its host. Only words made of option characters: the
 * engine passes them to ps as separate arguments, never through a shell.
 */
const psArgs = z
  .string()
  .trim()
  .max(200, 'ps options are at most 200 characters.')
  .regex(/^[a-zA-Z0-9 ,=%_:+-]*$/, 'ps options may only use letters, digits, spaces and , = % _ : + -')
  .transform((value) => value.replace(/\s+/g, ' ') || '-ef');

export const topCommands = {
  /** `docker top CONTAINER [ps OPTIONS]` (default -ef). Needs a running container. */
  'containers.top': command(z.object({ id: containerRef, psArgs: psArgs.default('-ef') }), returns<ContainerProcesses>()),
} as const;
