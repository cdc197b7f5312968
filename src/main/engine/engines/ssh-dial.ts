import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { Duplex } from 'node:stream';
import { BerthError } from '../../../shared/errors';

/**
 * An `ssh://user@host:port[/socket]` engine reached as the docker CLI reaches it: the system's
 * `ssh` runs `docker system dial-stdio` on the remote host and its stdin/stdout carry the HTTP
 * connection, so the user's ~/.ssh/config, agent and known_hosts apply (docker/cli
 * cli/connhelper). BatchMode: a GUI has no terminal for a password or a host-key question; an
 * unknown host key fails here and is asked about in the UI (see host-keys.ts).
 */

export interface SshTarget {
  user?: string;
  host: string;
  port?: string;
  /** The engine's socket on the remote host, when the URL names one. */
  socketPath?: string;
}

/** The ssh command and leading options; tests point it at their own config with `-F`. */
export type SshCommand = readonly [string, ...string[]];
export const DEFAULT_SSH_COMMAND: SshCommand = ['ssh'];

/** What stderr says, at most this much of it, is kept for the error message. */
const MAX_STDERR = 4096;

export function parseSshHost(host: string): SshTarget {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new BerthError('INVALID_INPUT', `${host} is not an ssh://user@host[:port] address.`);
  }
  if (url.protocol !== 'ssh:' || !url.hostname) throw new BerthError('INVALID_INPUT', `${host} is not an ssh://user@host[:port] address.`);
  if (url.password) throw new BerthError('INVALID_INPUT', 'An ssh address cannot carry a password: use a key or the ssh agent, as the docker CLI does.');
  const socketPath = decodeURIComponent(url.pathname);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
    ...(url.port ? { port: url.port } : {}),
    ...(socketPath.replace(/\//g, '') ? { socketPath } : {}),
  };
}

/** The ssh arguments the docker CLI builds, plus BatchMode (no prompts without a terminal). */
function sshArguments(target: SshTarget, command: SshCommand): { file: string; args: string[] } {
  const [file, ...leading] = command;
  const remote = ['docker', ...(target.socketPath ? [`--host=unix://${target.socketPath}`] : []), 'system', 'dial-stdio'];
  return {
    file,
    args: [
      ...leading,
      '-o',
      'ConnectTimeout=30',
      '-o',
      'BatchMode=yes',
      '-T',
      ...(target.user ? ['-l', target.user] : []),
      ...(target.port ? ['-p', target.port] : []),
      '--',
      target.host,
      // ssh hands the remote command to a shell: each word quoted.
      remote.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' '),
    ],
  };
}

/** The ssh process failed: its exit status and what it printed on stderr. */
export class SshDialError extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(stderr.trim().split('\n').pop() || `ssh exited with status ${exitCode}`);
    this.name = 'SshDialError';
  }
}

/** One ssh process as a socket: writes go to its stdin, its stdout is what is read. */
class SshConnection extends Duplex {
  private stderr = '';
  private readonly child: ChildProcess;

  constructor(file: string, args: string[]) {
    super();
    this.child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) this.child.stdout!.pause();
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-MAX_STDERR);
    });
    this.child.stdin!.on('error', () => undefined); // the exit says why
    this.child.on('error', (err) => this.destroy(err));
    this.child.on('close', (code) => {
      // The engine closing a finished connection ends ssh with 0; anything else is a failure to report.
      if (code === 0) this.push(null);
      else this.destroy(new SshDialError(code, this.stderr));
    });
  }

  override _read(): void {
    this.child.stdout?.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (err?: Error | null) => void): void {
    if (!this.child.stdin || this.child.stdin.destroyed) return callback(new SshDialError(this.child.exitCode, this.stderr));
    this.child.stdin.write(chunk, callback);
  }

  override _final(callback: (err?: Error | null) => void): void {
    this.child.stdin?.end(callback);
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    callback(err);
  }

  // What http.ClientRequest may call on a socket: nothing to tune on a pipe.
  setTimeout(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

/**
 * An HTTP agent whose connections are ssh processes; kept alive and reused, since each new one
 * costs an ssh handshake (the docker CLI keeps its connection too).
 */
export class SshDialAgent extends http.Agent {
  constructor(
    private readonly target: SshTarget,
    private readonly command: SshCommand = DEFAULT_SSH_COMMAND,
  ) {
    super({ keepAlive: true, maxSockets: 16 });
  }

  override createConnection(): Duplex {
    const { file, args } = sshArguments(this.target, this.command);
    return new SshConnection(file, args);
  }
}
