import { z } from 'zod';
import type { EngineInfo, EngineState, PingResult } from '../types/engine';
import { command, returns, stream } from './define';

const nothing = z.object({}).strict();

export const engineCommands = {
  'engine.info': command(nothing, returns<EngineInfo>()),
  'engine.ping': command(nothing, returns<PingResult>()),
  'engine.state': command(nothing, returns<EngineState>()),
  // 'images.list' lives in ./images.ts.
} as const;

export const engineStreams = {
  /** The engine's connection state: the current state at once, then every change. */
  'engine.watch': stream(nothing, returns<EngineState>(), { resumable: true }),
  // 'events.watch' lives in ./events.ts (since/until, filters).
} as const;
