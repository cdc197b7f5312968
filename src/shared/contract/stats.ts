import { z } from 'zod';
import type { StatsSample } from '../types/stats';
import { command, returns, stream } from './define';
import { containerRef } from './schemas';

const byId = z.object({ id: containerRef }).strict();

export const statsCommands = {
  /** `docker stats --no-stream <id>`: one reading (the engine waits for a second one to compute CPU). */
  'containers.stats': command(byId, returns<StatsSample>()),
} as const;

export const statsStreams = {
  /**
   * `docker stats <id>`: a computed sample about once a second while the container runs. Ends
   * (no error) when it stops or is not running; NOT_FOUND when it is removed; ENGINE_UNAVAILABLE
   * when the engine goes away.
   */
  'stats.watch': stream(byId, returns<StatsSample>(), { resumable: true }),
} as const;
