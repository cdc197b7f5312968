// Runs a CLI line exactly as Berth shows it: pasted into POSIX sh, against the test engine
// (DOCKER_HOST comes from the environment scripts/test.mjs sets up).
import { spawn } from 'node:child_process';

export interface LineResult {
  stdout: Buffer;
  stderr: string;
  code: number | null;
}

/**
 * `input` goes to the line's stdin; with `keepStdinOpen` stdin stays open until the line exits (a
 * `docker attach` whose stdin ends is detached by the engine, as a user's open terminal is not).
 */
export function runShellLine(line: string, options: { input?: string; keepStdinOpen?: boolean; cwd?: string; timeout?: number } = {}): Promise<LineResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', line], { env: process.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${line}: no exit after ${options.timeout ?? 30_000} ms; stdout so far ${JSON.stringify(Buffer.concat(out).toString().slice(-300))}`));
    }, options.timeout ?? 30_000);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString(), code });
    });
    child.stdin.on('error', () => undefined);
    if (options.keepStdinOpen) child.stdin.write(options.input ?? '');
    else child.stdin.end(options.input ?? '');
  });
}
