// Helpers for tests against the real engine that scripts/test.mjs brings up.
// Everything a test creates must carry TEST_LABELS (images: a `berth-test/` repository).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set. Run tests through \`npm test\` (scripts/test.mjs), or start an engine with ` +
        '`node scripts/test-engine.mjs up` and eval the exports it prints.',
    );
  }
  return value;
}

/** berth-test/busybox:latest — busybox-static with /bin/sh, CMD ["/bin/sh"], label berth.test=1. */
export const testImage: string = requireEnv('BERTH_TEST_IMAGE');
/** berth-test/noshell:latest — same applets minus the shells (sh, ash, hush); CMD busybox sleep 3600. */
export const noShellImage: string = requireEnv('BERTH_TEST_NOSHELL_IMAGE');

export const TEST_LABELS: Readonly<Record<string, string>> = Object.freeze({ 'berth.test': '1' });

let client: Docker | undefined;
/** A dockerode client for the test engine (docker-modem reads DOCKER_HOST itself). */
export function docker(): Docker {
  client ??= new Docker();
  return client;
}

/** `berth-test-<prefix>-<random>`: a container/volume name no other test will use. */
export function uniqueName(prefix: string): string {
  return `berth-test-${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Force-remove (with volumes) every container labelled berth.test=1. */
export async function removeTestContainers(): Promise<void> {
  const list = await docker().listContainers({ all: true, filters: { label: ['berth.test=1'] } });
  await Promise.all(
    list.map((c) =>
      docker()
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .catch((err: { statusCode?: number }) => {
          if (err.statusCode !== 404 && err.statusCode !== 409) throw err; // gone / already being removed
        }),
    ),
  );
}

export interface WaitForOptions {
  /** ms before giving up (default 10 000) */
  timeout?: number;
  /** ms between polls (default 100) */
  interval?: number;
  /** included in the timeout error */
  message?: string;
}

/** Poll `predicate` until it returns a truthy value (which is returned) or the timeout passes. */
export async function waitFor<T>(predicate: () => T | Promise<T>, { timeout = 10_000, interval = 100, message }: WaitForOptions = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`waitFor timed out after ${timeout} ms${message ? `: ${message}` : ''}${why}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Run the docker CLI against the same engine (DOCKER_HOST). Never throws for a non-zero exit. */
export function dockerCli(args: string[], options: { timeout?: number } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile('docker', args, { env: process.env, timeout: options.timeout ?? 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ stdout: String(stdout), stderr: String(stderr) || (err ? err.message : ''), code });
    });
  });
}

/** Split a non-TTY attach/logs stream buffer (8-byte frame headers) into stdout and stderr. */
export function demux(buf: Buffer): { stdout: string; stderr: string } {
  const out: Buffer[] = [];
  const errs: Buffer[] = [];
  let i = 0;
  while (i + 8 <= buf.length) {
    const size = buf.readUInt32BE(i + 4);
    const chunk = buf.subarray(i + 8, i + 8 + size);
    (buf[i] === 2 ? errs : out).push(chunk);
    i += 8 + size;
  }
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(errs).toString('utf8') };
}
