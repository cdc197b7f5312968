import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { StatsSample } from '../../../shared/types/stats';
import { engineCall, toBerthError } from '../core/errors';
import { JsonLineDecoder } from '../events/events';
import { computeSample, isStoppedFrame, type RawStats } from './compute';
import type { StreamDisposer, StreamSink } from '../core/stream-sink';

/** `docker stats --no-stream <id>`: with stream=false the engine waits for a second reading, so CPU is known. */
export async function containerStats(docker: Docker, id: string): Promise<StatsSample> {
  const raw = (await engineCall(() => docker.getContainer(id).stats({ stream: false }), {
    action: `read the stats of container ${id}`,
  })) as RawStats;
  return computeSample(raw);
}

type Liveness = { kind: 'running' | 'stopped'; name: string } | { kind: 'failed'; error: BerthError };

/** Asks the engine what became of the container after its stats stream ended or went quiet. */
async function liveness(docker: Docker, id: string, gone: string): Promise<Liveness> {
  try {
    const info = await docker.getContainer(id).inspect();
    // `rm -f` marks the container as being removed before it kills it: that is its end, not a stop.
    if (info.State?.Status === 'removing') return { kind: 'failed', error: new BerthError('NOT_FOUND', gone) };
    return { kind: info.State?.Running ? 'running' : 'stopped', name: info.Name.replace(/^\//, '') };
  } catch (err) {
    const mapped = toBerthError(err);
    if (mapped.code === 'NOT_FOUND') return { kind: 'failed', error: new BerthError('NOT_FOUND', gone) };
    return { kind: 'failed', error: mapped };
  }
}

/** How often in a row the stream may be reopened for a container that keeps restarting, without one reading between. */
const MAX_QUIET_REOPENS = 3;

export interface WatchStatsOptions {
  /** Called when the engine stopped answering, so the connection state is checked at once. */
  onUnreachable?: () => void;
}

/**
 * `docker stats <id>` as a stream of computed samples. The engine keeps a stopped container's
 * stream open, sending all-zero frames, and simply closes it when the container is removed or
 * the engine goes away; so on either, the container is inspected: stopped -> end, removed ->
 * NOT_FOUND, engine gone -> ENGINE_UNAVAILABLE, running again (a restart) -> read on.
 */
export function watchStats(docker: Docker, id: string, sink: StreamSink<StatsSample>, options: WatchStatsOptions = {}): StreamDisposer {
  let disposed = false;
  let current: NodeJS.ReadableStream | undefined;
  let name = id;

  const release = (): void => {
    const stream = current as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
    current = undefined;
    stream?.removeAllListeners('data');
    stream?.destroy?.();
  };

  const settle = async (quietReopens: number): Promise<void> => {
    release();
    const state = await liveness(docker, id, `Container ${name} no longer exists.`);
    if (disposed) return;
    if (state.kind === 'running' && quietReopens < MAX_QUIET_REOPENS) return void open(quietReopens + 1);
    if (state.kind === 'failed') {
      if (state.error.code === 'ENGINE_UNAVAILABLE') options.onUnreachable?.();
      sink.error(state.error.toShape());
    } else sink.end();
  };

  const open = async (quietReopens: number): Promise<void> => {
    let stream: NodeJS.ReadableStream;
    try {
      stream = (await docker.getContainer(id).stats({ stream: true })) as NodeJS.ReadableStream;
    } catch (err) {
      if (disposed) return;
      const mapped = toBerthError(err, { action: `read the stats of container ${name}` });
      if (mapped.code === 'ENGINE_UNAVAILABLE') options.onUnreachable?.();
      return sink.error(mapped.toShape());
    }
    if (disposed) {
      (stream as { destroy?: () => void }).destroy?.();
      return;
    }
    current = stream;
    const decoder = new JsonLineDecoder();
    let previous: StatsSample | undefined;
    let finished = false;
    const finish = (): void => {
      if (finished || disposed) return;
      finished = true;
      void settle(previous ? 0 : quietReopens);
    };
    stream.on('data', (chunk: Buffer) => {
      let frames: unknown[];
      try {
        frames = decoder.push(chunk);
      } catch {
        return; // a torn line is dropped; the next second brings a whole one
      }
      for (const frame of frames) {
        const raw = frame as RawStats;
        if (isStoppedFrame(raw)) return finish();
        previous = computeSample(raw, previous);
        name = previous.name || name;
        sink.data(previous);
      }
    });
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', finish);
  };

  const start = async (): Promise<void> => {
    const state = await liveness(docker, id, `No such container: ${id}`);
    if (disposed) return;
    if (state.kind === 'failed') {
      if (state.error.code === 'ENGINE_UNAVAILABLE') options.onUnreachable?.();
      return sink.error(state.error.toShape());
    }
    if (state.kind === 'stopped') return sink.end();
    name = state.name;
    await open(0);
  };

  void start();
  return () => {
    disposed = true;
    release();
  };
}
