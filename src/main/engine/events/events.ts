import type Docker from 'dockerode';
import type { EngineEvent } from '../../../shared/types/events';
import type { EngineMonitor } from '../core/monitor';
import { toBerthError } from '../core/errors';
import type { StreamSink } from '../core/stream-sink';
import { formatEngineTime } from '../../../shared/events/event-time';

export interface EventFilter {
  types?: string[];
  containers?: string[];
  actions?: string[];
  /** Epoch nanoseconds: replay from then (default: from the moment of subscribing). */
  since?: bigint;
  /** Epoch nanoseconds: the stream ends once the engine has delivered everything up to then. */
  until?: bigint;
}

interface RawEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number;
}

/** Splits a byte stream of newline-delimited JSON into objects, across chunk boundaries. */
export class JsonLineDecoder {
  private pending = '';
  private readonly decoder = new TextDecoder();

  push(chunk: Uint8Array): unknown[] {
    this.pending += this.decoder.decode(chunk, { stream: true });
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    const values: unknown[] = [];
    for (const line of lines) {
      const trimmed = line.trim();
      if (trimmed) values.push(JSON.parse(trimmed));
    }
    return values;
  }
}

function toEngineEvent(raw: RawEvent): EngineEvent {
  const attributes = raw.Actor?.Attributes ?? {};
  const timeNano = raw.timeNano !== undefined ? BigInt(Math.round(raw.timeNano)) : BigInt(raw.time ?? 0) * 1_000_000_000n;
  return {
    timeNano: timeNano.toString(),
    type: raw.Type ?? '',
    action: raw.Action ?? '',
    actorId: raw.Actor?.ID ?? '',
    ...(attributes.name ? { actorName: attributes.name } : {}),
    attributes,
  };
}

const RECONNECT_WAIT_MS = 24 * 60 * 60 * 1000;

/**
 * Follows `docker events`. When the engine goes away the stream waits for it and resumes from
 * the last event it delivered, dropping what it already delivered, so the subscriber sees
 * neither duplicates nor a gap. With `until`, the stream ends once that time has passed and the
 * engine has closed its response (the engine ends it itself at `until`).
 */
export function watchEvents(docker: Docker, monitor: EngineMonitor, filter: EventFilter, sink: StreamSink<EngineEvent>): () => void {
  const abort = new AbortController();
  let lastTimeNano: bigint | undefined;
  // Events delivered at exactly lastTimeNano: a replay skips those, not other events of that instant.
  let atLastTime = new Set<string>();
  // Without `since`, the first request asks for events since the subscription, so nothing that
  // happens while the stream is being opened is lost. With only `until`, the engine replays what
  // it still keeps up to then, as the CLI does: no default since.
  const start = filter.since ?? (filter.until === undefined ? BigInt(Date.now()) * 1_000_000n : undefined);
  let current: NodeJS.ReadableStream | undefined;

  const filters: Record<string, string[]> = {};
  if (filter.types?.length) filters.type = filter.types;
  if (filter.containers?.length) filters.container = filter.containers;
  if (filter.actions?.length) filters.event = filter.actions;

  const untilPassed = (): boolean => filter.until !== undefined && BigInt(Date.now()) * 1_000_000n >= filter.until;

  const follow = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        // A monitor that has not checked yet (or was never started) is asked now, not waited on.
        if (monitor.state.status !== 'connected') void monitor.check();
        await monitor.whenConnected(RECONNECT_WAIT_MS, abort.signal);
        const from = lastTimeNano ?? start;
        const options = {
          filters,
          ...(from !== undefined ? { since: formatEngineTime(from) } : {}),
          ...(filter.until !== undefined ? { until: formatEngineTime(filter.until) } : {}),
        };
        // The engine takes a fractional "seconds.nanos" string; the typings only know numbers.
        const stream = await docker.getEvents(options as unknown as Docker.GetEventsOptions);
        if (abort.signal.aborted) {
          (stream as unknown as { destroy?: () => void }).destroy?.();
          return;
        }
        current = stream;
        const ended = await pump(stream);
        if (ended === 'end' && untilPassed()) {
          sink.end();
          return;
        }
      } catch (err) {
        if (abort.signal.aborted) return;
        const mapped = toBerthError(err);
        if (mapped.code !== 'ENGINE_UNAVAILABLE') {
          sink.error(mapped.toShape());
          return;
        }
      }
      if (abort.signal.aborted) return;
      // The stream ended: the engine went away or restarted. Ask the monitor, then loop to resume.
      await monitor.check();
    }
  };

  /** Resolves how the response finished: 'end' when the engine closed it cleanly. */
  const pump = (stream: NodeJS.ReadableStream): Promise<'end' | 'broken'> =>
    new Promise((resolve) => {
      const decoder = new JsonLineDecoder();
      stream.on('data', (chunk: Buffer) => {
        let values: unknown[];
        try {
          values = decoder.push(chunk);
        } catch {
          return;
        }
        for (const value of values) {
          const event = toEngineEvent(value as RawEvent);
          const time = BigInt(event.timeNano);
          const identity = `${event.type}\u0000${event.action}\u0000${event.actorId}`;
          if (lastTimeNano !== undefined && (time < lastTimeNano || (time === lastTimeNano && atLastTime.has(identity)))) continue;
          if (time !== lastTimeNano) atLastTime = new Set();
          atLastTime.add(identity);
          lastTimeNano = time;
          sink.data(event);
        }
      });
      stream.on('end', () => resolve('end'));
      stream.on('close', () => resolve('broken'));
      stream.on('error', () => resolve('broken'));
    });

  void follow();
  return () => {
    abort.abort();
    (current as unknown as { destroy?: () => void } | undefined)?.destroy?.();
  };
}
