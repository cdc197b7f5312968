// Runs `npm run web`'s entry point (src/main/web/cli.ts) as a child process: the honest way to check
// that nothing a client sends ends the server process.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import type { WebTarget } from './web-client';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

export interface CliExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CliServer {
  child: ChildProcess;
  /** The printed URL (with the token). */
  url: string;
  port: number;
  token: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Settles when the process exits, however it ends. */
  exited: Promise<CliExit>;
  alive(): boolean;
  /** SIGTERM, then SIGKILL after 10 s; resolves how it ended. */
  stop(): Promise<CliExit>;
}

function spawnCli(args: readonly string[]): {
  child: ChildProcess;
  exited: Promise<CliExit>;
  stderr: () => string;
  stdoutLines: ReturnType<typeof createInterface>;
} {
  const child = spawn(tsx, ['src/main/web/cli.ts', ...args], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<CliExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, stderr: () => stderr, stdoutLines: createInterface({ input: child.stdout! }) };
}

/** Starts the CLI and resolves once it printed its URL line; rejects if it exits first or takes over 30 s. */
export async function startCli(args: readonly string[] = []): Promise<CliServer> {
  const { child, exited, stderr, stdoutLines } = spawnCli(['--port', '0', ...args]);
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL line within 30 s; stderr: ${stderr()}`)), 30_000);
    stdoutLines.on('line', (text) => {
      if (!text.startsWith('Berth web UI:')) return;
      clearTimeout(timer);
      resolve(text);
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`cli exited (${code ?? signal}) before printing its URL; stderr: ${stderr()}`));
    });
  }).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  const url = line.slice('Berth web UI: '.length);
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    child,
    url,
    port: Number(parsed.port),
    token,
    stderr,
    exited,
    alive,
    stop: async () => {
      if (alive()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}

/** Runs the CLI expecting it to refuse to start: resolves its exit and what it printed. */
export async function runCliToExit(args: readonly string[]): Promise<CliExit & { stdout: string; stderr: string }> {
  const { child, exited, stderr, stdoutLines } = spawnCli(args);
  let stdout = '';
  stdoutLines.on('line', (text) => (stdout += `${text}\n`));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const exit = await exited;
  clearTimeout(timer);
  return { ...exit, stdout, stderr: stderr() };
}

/**
 * A fresh server process for each test of a file, so each test shows on its own whether what it
 * sends ends the process; `use` gets the server and its address before every test.
 */
export function freshCliPerTest(use: (server: { cli: CliServer; target: WebTarget }) => void): void {
  let cli: CliServer | undefined;
  beforeEach(async () => {
    cli = await startCli();
    use({ cli, target: { origin: `http://127.0.0.1:${cli.port}`, token: cli.token } });
  });
  afterEach(async () => {
    await cli?.stop();
  });
}
