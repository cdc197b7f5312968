import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { parseDetachKeys } from '../../../shared/terminal/detach-keys';
import type { SessionMessage } from '../../../shared/types/terminal';
import { BerthError } from '../../../shared/errors';
import { engineCall, toBerthError } from '../core/errors';
import type { StreamDisposer, StreamSink } from '../core/stream-sink';
import { containerFacts, settleWithin } from './container';
import { LiveSession, type SessionEnd, type TerminalSessions } from './session';

export interface AttachSessionRequest {
  id: string;
  logs: boolean;
  start: boolean;
  detachKeys: string;
  cols?: number;
  rows?: number;
}

/**
 * `docker attach` as a session, and with `start` the interactive half of `docker run -it`: the
 * connection is made before the container starts, so its first output is not lost.
 */
export function openAttachSession(docker: Docker, sessions: TerminalSessions, request: AttachSessionRequest, sink: StreamSink<SessionMessage>): StreamDisposer {
  let disposed = false;
  let session: LiveSession | undefined;

  const open = async (): Promise<void> => {
    const facts = await containerFacts(docker, request.id, 'attach to');
    if (!facts.running && !request.start) {
      throw new BerthError('CONFLICT', `Container ${facts.name} is not running. Start it to attach.`);
    }
    const container = docker.getContainer(facts.id);
    const socket = (await engineCall(
      () =>
        container.attach({
          stream: true,
          stdin: facts.openStdin,
          stdout: true,
          stderr: true,
          logs: request.logs,
          detachKeys: request.detachKeys,
          hijack: true,
        }),
      { action: `attach to ${facts.name}` },
    )) as Duplex;
    if (disposed) {
      socket.destroy();
      return;
    }
    if (request.start && !facts.running) {
      try {
        await container.start();
      } catch (err) {
        const mapped = toBerthError(err, { action: `start container ${facts.name}` });
        // 304: someone else started it in the meantime, which is what was wanted.
        if ((err as { statusCode?: number }).statusCode !== 304) {
          socket.destroy();
          throw mapped;
        }
      }
      if (disposed) {
        socket.destroy();
        return;
      }
    }
    const settle = async (): Promise<SessionEnd> => {
      const stopped = await settleWithin(async () => {
        const info = await container.inspect();
        return info.State.Running ? undefined : info.State;
      });
      // Still running: the engine detached us (its own detach keys, or the container restarted).
      return stopped ? { reason: 'exited', exitCode: stopped.ExitCode ?? null } : { reason: 'detached', exitCode: null };
    };
    session = new LiveSession({
      kind: 'attach',
      registry: sessions,
      socket,
      multiplexed: !facts.tty,
      sink,
      settle,
      resize: (cols, rows) => container.resize({ h: rows, w: cols }),
      ...(facts.openStdin ? { detachKeys: parseDetachKeys(request.detachKeys) ?? [] } : {}),
    });
    sink.data({
      kind: 'ready',
      sessionId: session.id,
      containerId: facts.id,
      containerName: facts.name,
      command: facts.command,
      tty: facts.tty,
      stdin: facts.openStdin,
    });
    if (facts.tty && request.cols && request.rows) void session.resize(request.cols, request.rows).catch(() => undefined);
  };

  open().catch((err: unknown) => {
    if (!disposed) sink.error(toBerthError(err).toShape());
  });
  return () => {
    disposed = true;
    session?.close();
  };
}
