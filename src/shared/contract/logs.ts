import { z } from 'zod';
import type { DownloadStart } from '../types/transfers';
import type { LogBatch, LogInfo } from '../types/logs';
import { LOG_TIME_HINT, parseLogTime } from '../logs/time';
import { command, returns, stream } from './define';
import { containerRef } from './schemas';

/** `--since` / `--until`: a date-time, a Unix time, or a duration before now ("10m"). */
const logTime = z
  .string()
  .trim()
  .min(1, LOG_TIME_HINT)
  .max(64)
  .refine((value) => parseLogTime(value, Date.now()) !== null, LOG_TIME_HINT);

/** `--tail`: how many lines from the end, or every line. */
const logTail = z.union([z.number().int().min(0).max(100_000_000), z.literal('all')], {
  error: 'tail is a number of lines (0 or more) or "all".',
});

const timeRange = z.object({
  id: containerRef,
  since: logTime.optional(),
  until: logTime.optional(),
  /** Prefix every line with the time the engine received it (`--timestamps`). */
  timestamps: z.boolean().default(false),
});

type TimeRange = z.output<typeof timeRange>;

/** since must not be after until (both read against the same "now"). */
function checkOrder(value: Pick<TimeRange, 'since' | 'until'>, ctx: z.RefinementCtx): void {
  if (!value.since || !value.until) return;
  const now = Date.now();
  const since = parseLogTime(value.since, now);
  const until = parseLogTime(value.until, now);
  if (since !== null && until !== null && since > until) {
    ctx.addIssue({ code: 'custom', path: ['since'], message: 'since is later than until: nothing could match.' });
  }
}

export const logQuery = timeRange.extend({ tail: logTail.default(1000) }).superRefine(checkOrder);

const logDownloadRequest = timeRange.superRefine(checkOrder);

export const logCommands = {
  /** The container's log driver, its max-size/max-file, and whether the log is unbounded. */
  'logs.info': command(z.object({ id: containerRef }), returns<LogInfo>()),
  /** The whole log (every line; since/until when given) as a file: a save dialog, or a one-time URL in browser mode; progress on `transfers.watch`. */
  'logs.download': command(logDownloadRequest, returns<DownloadStart>()),
} as const;

export const logStreams = {
  /** `docker logs`: the lines in batches, then the stream ends. */
  'logs.fetch': stream(logQuery, returns<LogBatch>(), { resumable: true }),
  /** `docker logs --follow`: the tail first, then every new line until the container stops. */
  'logs.follow': stream(logQuery, returns<LogBatch>(), { resumable: true }),
} as const;
