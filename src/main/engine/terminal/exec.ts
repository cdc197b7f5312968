import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { SessionMessage } from '../../../shared/types/terminal';
import { engineCall, toBerthError } from '../core/errors';
import type { StreamDisposer, StreamSink } from '../core/stream-sink';
import { LiveSession, type SessionEnd, type TerminalSessions } from './session';
import { detectShell } from './shell';
import { runningContainer, settleWithin } from './container';

export interface ExecSessionRequest {
  id: string;
  command?: string[];
  tty: boolean;
  stdin: boolean;
  user?: string;
  workingDir?: string;
  env: Array<{ key: string; value: string }>;
  cols?: number;
  rows?: number;
}

/**
 * Typed into an auto-detected shell when its tab is closed: end of line, erase the line, end of
 * input. The engine keeps a TTY exec's process running when its connection closes (there is no
 * signal for it), so without this every closed shell tab would leave an idle shell behind.
 */
const SHELL_FAREWELL = Buffer.from('\x05\x15\x04');

/**
 * Typed into a custom TTY command when its tab is closed: Ctrl-C (SIGINT for the foreground
 * process: top, tail -f, watch and ping quit on it), then the shell farewell for a command that is
 * itself a shell or a REPL. A program that ignores both keeps running, as it would under
 * `docker exec -it` once the CLI is killed.
 */
const COMMAND_FAREWELL = Buffer.concat([Buffer.from('\x03'), SHELL_FAREWELL]);

/** `docker exec [-it]` as a session: resolves the shell, creates and starts the exec, relays it. */
export function openExecSession(docker: Docker, sessions: TerminalSessions, request: ExecSessionRequest, sink: StreamSink<SessionMessage>): StreamDisposer {
  let disposed = false;
  let session: LiveSession | undefined;

  const open = async (): Promise<void> => {
    const container = await runningContainer(docker, request.id, 'open a terminal in');
    const autoShell = !request.command;
    let command = request.command;
    if (!command) {
      const shell = await detectShell(docker, container.id);
      if (!shell) {
        throw new BerthError('NOT_FOUND', `Container ${container.name} has no shell (neither bash nor sh). Run a command instead.`);
      }
      command = [shell];
    }
    const attachStdin = request.tty || request.stdin;
    const exec = await engineCall(
      () =>
        docker.getContainer(container.id).exec({
          Cmd: command,
          AttachStdin: attachStdin,
          AttachStdout: true,
          AttachStderr: true,
          Tty: request.tty,
          ...(request.user ? { User: request.user } : {}),
          ...(request.workingDir ? { WorkingDir: request.workingDir } : {}),
          ...(request.env.length ? { Env: request.env.map(({ key, value }) => `${key}=${value}`) } : {}),
        }),
      { action: `run ${command[0]} in ${container.name}` },
    );
    if (disposed) return;
    const socket = (await engineCall(() => exec.start({ hijack: true, stdin: attachStdin, Tty: request.tty } as Docker.ExecStartOptions), {
      action: `run ${command[0]} in ${container.name}`,
    })) as Duplex;
    if (disposed) {
      socket.destroy();
      return;
    }
    const containerRunning = async (): Promise<boolean> => {
      try {
        return (await docker.getContainer(container.id).inspect()).State.Running;
      } catch (err) {
        if (toBerthError(err).code === 'NOT_FOUND') return false;
        throw err;
      }
    };
    const settle = async (): Promise<SessionEnd> => {
      if (!(await containerRunning())) return { reason: 'container-stopped', exitCode: null };
      const ended = await settleWithin(async () => {
        const info = await exec.inspect();
        return info.Running ? undefined : info;
      });
      const exitCode = ended?.ExitCode ?? null;
      // Killed by a signal: maybe by the container stopping under it, which the engine records a moment later.
      if (exitCode === null || exitCode >= 128) {
        const stopped = await settleWithin(async () => ((await containerRunning()) ? undefined : true), 1000);
        if (stopped) return { reason: 'container-stopped', exitCode };
      }
      return { reason: 'exited', exitCode };
    };
    session = new LiveSession({
      kind: 'exec',
      registry: sessions,
      socket,
      multiplexed: !request.tty,
      sink,
      settle,
      resize: (cols, rows) => exec.resize({ h: rows, w: cols }),
      ...(request.tty ? { farewell: autoShell ? SHELL_FAREWELL : COMMAND_FAREWELL } : {}),
    });
    sink.data({
      kind: 'ready',
      sessionId: session.id,
      containerId: container.id,
      containerName: container.name,
      command,
      tty: request.tty,
      stdin: attachStdin,
      execId: exec.id,
    });
    // Engine API 1.41 has no initial console size for exec: size it right after the start.
    if (request.tty && request.cols && request.rows) void session.resize(request.cols, request.rows).catch(() => undefined);
  };

  open().catch((err: unknown) => {
    if (!disposed) sink.error(toBerthError(err).toShape());
  });
  return () => {
    disposed = true;
    session?.close();
  };
}
