import { z } from 'zod';
import type { ContainerPorts, OpenedPort } from '../types/ports';
import { command, returns } from './define';
import { containerRef } from './schemas';

export const portCommands = {
  /** `docker port CONTAINER`, plus the requested bindings (applied when it starts). */
  'containers.ports': command(z.object({ id: containerRef }), returns<ContainerPorts>()),
  /**
   * Opens http://HOST:PORT of a published TCP port in the system browser. The URL is built in main
   * from the engine's binding; nothing in the input becomes part of it except through that lookup.
   */
  'containers.openPort': command(
    z.object({
      id: containerRef,
      containerPort: z.number().int().min(1).max(65535),
      protocol: z.literal('tcp', { error: 'Only TCP ports open in a browser.' }).default('tcp'),
    }).strict(),
    returns<OpenedPort>(),
  ),
} as const;
