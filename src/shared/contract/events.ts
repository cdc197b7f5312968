import { z } from 'zod';
import { EVENT_TYPES, type EngineEvent } from '../types/events';
import { parseEventTime } from '../events/event-time';
import { stream, returns } from './define';

/** A since/until time, resolved to epoch nanoseconds when main parses the subscription. */
const eventTime = z.union([z.number(), z.string().max(64)], { error: 'A time must be a string or a number.' }).transform((value, ctx) => {
  const parsed = parseEventTime(value, Date.now());
  if (parsed.ok) return parsed.nanos;
  ctx.addIssue({ code: 'custom', message: parsed.error });
  return z.NEVER;
});

export const eventsWatchInput = z
  .object({
    types: z.array(z.enum(EVENT_TYPES)).max(10).optional(),
    /** Container ids or names (`--filter container=`). */
    containers: z.array(z.string().min(1).max(256)).max(100).optional(),
    /** Actions such as start or die (`--filter event=`). */
    actions: z
      .array(z.string().regex(/^[a-z][a-z0-9_: -]{0,63}$/, 'Not a valid event action.'))
      .max(50)
      .optional(),
    /** `--since`: replay the engine's recent events from then on (it keeps only recent ones). */
    since: eventTime.optional(),
    /** `--until`: the stream ends at this time (at once, for a time in the past). */
    until: eventTime.optional(),
  })
  .refine((input) => input.since === undefined || input.until === undefined || input.since <= input.until, {
    message: 'since must not be after until.',
    path: ['since'],
  });

export const eventStreams = {
  /** `docker events`; resumes by itself after the engine comes back, from the last event seen. */
  'events.watch': stream(eventsWatchInput, returns<EngineEvent>(), { resumable: true }),
} as const;
