import { z } from 'zod';
import type { ContainerIsolation } from '../types/isolation';
import { command, returns } from './define';
import { containerRef } from './schemas';

export const isolationCommands = {
  /** How a container is isolated: namespaces, root filesystem and cgroup limits, from inspect. */
  'containers.isolation': command(z.object({ id: containerRef }), returns<ContainerIsolation>()),
} as const;
