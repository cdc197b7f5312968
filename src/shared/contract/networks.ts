import { z } from 'zod';
import type { NetworkSummary } from '../types/containers';
import { command, returns } from './define';

export const networkCommands = {
  /** `docker network ls`: name, id and driver of each network, by name. */
  'networks.list': command(z.object({}), returns<NetworkSummary[]>()),
} as const;
