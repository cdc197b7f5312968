import { z } from 'zod';
import type { EngineInfo, EngineState, PingResult } from '../types/engine';
import type { ImageSummary } from '../types/images';
import type { EngineEvent } from '../types/events';
import { command, returns, stream } from './define';

const nothing = z.object({}).strict();

export const engineCommands = {
  'engine.info': command(nothing, returns<EngineInfo>()),
  'engine.ping': command(nothing, returns<PingResult>()),
  'engine.state': command(nothing, returns<EngineState>()),
  'images.list': command(z.object({ all: z.boolean().default(false) }), returns<ImageSummary[]>()),
} as const;

const eventTypes = z.enum(['container', 'image', 'volume', 'network', 'daemon', 'plugin', 'node', 'service', 'secret', 'config']);

export const engineStreams = {
  /** The engine's connection state: the current state at once, then every change. */
  'engine.watch': stream(nothing, returns<EngineState>()),
  /** `docker events`; resumes by itself after the engine comes back, from the last event seen. */
  'events.watch': stream(
    z.object({
      types: z.array(eventTypes).max(10).optional(),
      containers: z.array(z.string().min(1).max(256)).max(100).optional(),
    }),
    returns<EngineEvent>(),
  ),
} as const;
