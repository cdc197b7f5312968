// `docker compose logs [-f]`: every container's log of a project, merged in time order, each line
// with its service. Each container's log is read by the logs engine (streamLogs) with timestamps.
import type Docker from 'dockerode';
import { BerthError, type BerthErrorShape } from '../../../shared/errors';
import { engineTime, timestampNanos } from '../../../shared/logs/time';
import type { ComposeLogBatch, ComposeLogLine } from '../../../shared/types/compose';
import type { LogBatch, LogLine } from '../../../shared/types/logs';
import { streamLogs } from '../logs/logs';
import type { StreamDisposer, StreamSink } from '../core/stream-sink';
import { membersOf } from './projects';
import type { ProjectMember } from './labels';

export interface ProjectLogRequest {
  follow: boolean;
  tail: number | 'all';
}

const BATCH_LINES = 4096;
/** Live lines of several containers arriving within this window are sent together, in time order. */
const REORDER_MS = 40;

/** A line with its time in nanoseconds (a continuation of a cut line takes its first part's time). */
interface Timed {
  line: ComposeLogLine;
  at: bigint;
  /** The container's place, so lines of the same time keep one order. */
  source: number;
}

function timed(lines: readonly LogLine[], member: ProjectMember, source: number, previous: { at: bigint }): Timed[] {
  return lines.map((line) => {
    const at = (line.timestamp === undefined ? null : timestampNanos(line.timestamp)) ?? previous.at;
    previous.at = at;
    return { line: { ...line, service: member.service, container: member.name }, at, source };
  });
}

const byTime = (a: Timed, b: Timed): number => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.source - b.source);

/** One container's log up to now (non-follow), through the logs engine. */
function readHistory(docker: Docker, member: ProjectMember, tail: number | 'all'): { done: Promise<LogLine[]>; dispose: StreamDisposer } {
  const lines: LogLine[] = [];
  let dispose: StreamDisposer = () => undefined;
  const done = new Promise<LogLine[]>((resolve, reject) => {
    const sink: StreamSink<LogBatch> = {
      data: (batch) => (lines.push(...batch.lines), true),
      onDrain: () => undefined,
      error: (shape: BerthErrorShape) => reject(BerthError.fromShape(shape)),
      end: () => resolve(lines),
    };
    dispose = streamLogs(docker, member.id, { tail, timestamps: true }, sink, { follow: false });
  });
  return { done, dispose };
}

/**
 * Sends the project's merged history (the last `tail` lines of each container), then with
 * `follow` every new line, each container's log followed from just after its last line read, so
 * nothing is lost or sent twice between the two. Ends when every container's log has ended.
 */
export function streamProjectLogs(
  docker: Docker,
  project: string,
  request: ProjectLogRequest,
  sink: StreamSink<ComposeLogBatch>,
  options: { onUnreachable?: () => void } = {},
): StreamDisposer {
  let disposed = false;
  const disposers: StreamDisposer[] = [];
  let pending: Timed[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  let held = false;
  const drainListeners: (() => void)[] = [];

  const fail = (error: BerthError): void => {
    if (disposed) return;
    if (error.code === 'ENGINE_UNAVAILABLE') options.onUnreachable?.();
    stop();
    sink.error(error.toShape());
  };

  const send = (lines: ComposeLogLine[], first: boolean): void => {
    for (let from = 0; from < lines.length || (first && from === 0); from += BATCH_LINES) {
      const chunk = lines.slice(from, from + BATCH_LINES);
      if (!sink.data(first && from === 0 ? { lines: chunk, first: true } : { lines: chunk })) held = true;
      if (lines.length === 0) break;
    }
  };

  const flush = (): void => {
    flushTimer = undefined;
    if (disposed || pending.length === 0) return;
    const lines = pending.sort(byTime).map((entry) => entry.line);
    pending = [];
    send(lines, false);
  };

  sink.onDrain(() => {
    if (disposed || !held) return;
    held = false;
    for (const listener of drainListeners.splice(0)) listener();
  });

  const follow = (members: readonly ProjectMember[], lastSeen: readonly (bigint | null)[]): void => {
    let open = members.length;
    const ended = (): void => {
      open -= 1;
      if (open > 0 || disposed) return;
      flush();
      stop();
      sink.end();
    };
    members.forEach((member, source) => {
      const last = lastSeen[source] ?? null;
      const previous = { at: last ?? 0n };
      const inner: StreamSink<LogBatch> = {
        data: (batch) => {
          pending.push(...timed(batch.lines, member, source, previous));
          flushTimer ??= setTimeout(flush, REORDER_MS);
          return !held;
        },
        onDrain: (listener) => void drainListeners.push(listener),
        // A container removed while followed ends its part; the engine going away ends all.
        error: (shape) => (shape.code === 'NOT_FOUND' ? ended() : fail(BerthError.fromShape(shape))),
        end: ended,
      };
      // Just after the last line read, or (nothing read: the log was empty) from its start.
      const range = last === null ? { tail: 'all' as const } : { tail: 'all' as const, since: engineTime(last + 1n) };
      disposers.push(streamLogs(docker, member.id, { ...range, timestamps: true }, inner, { follow: true, onUnreachable: options.onUnreachable }));
    });
  };

  const run = async (): Promise<void> => {
    const members = await membersOf(docker, project);
    if (members.length === 0) throw new BerthError('NOT_FOUND', `No compose project named ${project} on this engine.`);
    // tail 0 still reads one line, for the time to follow from.
    const readTail = request.tail === 0 ? 1 : request.tail;
    const reads = members.map((member) => readHistory(docker, member, readTail));
    disposers.push(...reads.map((read) => read.dispose));
    const histories = await Promise.all(reads.map((read) => read.done));
    if (disposed) return;
    const lastSeen = histories.map((lines) => {
      for (let i = lines.length - 1; i >= 0; i -= 1) {
        const at = lines[i]?.timestamp === undefined ? null : timestampNanos(lines[i]!.timestamp!);
        if (at !== null) return at;
      }
      return null;
    });
    const merged = histories.flatMap((lines, source) => timed(lines, members[source]!, source, { at: 0n })).sort(byTime);
    send(request.tail === 0 ? [] : merged.map((entry) => entry.line), true);
    if (!request.follow) {
      stop();
      return sink.end();
    }
    follow(members, lastSeen);
  };

  function stop(): void {
    disposed = true;
    if (flushTimer) clearTimeout(flushTimer);
    for (const dispose of disposers.splice(0)) dispose();
  }

  run().catch((err: unknown) => fail(err instanceof BerthError ? err : new BerthError('INTERNAL', String(err))));
  return stop;
}
