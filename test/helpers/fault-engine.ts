// The engine fault suite's own dockerd (test/integration/engine-faults-*.test.ts): a private
// engine, not the shared test engine, so it can be killed and restarted on the same data root and
// socket. Also what every fault case checks: a plain error, and how long the view took to recover.
import Docker from 'dockerode';
import { expect } from 'vitest';
import { ensureTestImages, startPrivateEngine, type PrivateEngine } from '../../scripts/test-engine.mjs';
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine, type Engine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { HostServices } from '../../src/main/host';
import type { BerthErrorShape, ErrorCode } from '../../src/shared/errors';
import { TEST_LABELS, uniqueName } from './engine';

export type Outage = 'SIGKILL' | 'SIGTERM';
export const OUTAGES: readonly Outage[] = ['SIGKILL', 'SIGTERM'];

/** A view must work again within this long after the engine answers again. */
export const RECOVERY_MS = 3_000;

export interface FaultEngine {
  daemon: PrivateEngine;
  dockerHost: string;
  /** dockerode straight to the private engine, for setting up and checking (not Berth). */
  docker: Docker;
  image: string;
  /** A Berth engine (monitor running) on the private engine, optionally through a relay socket. */
  berth(socketPath?: string): Engine;
  dispatcher(berth: Engine, host?: HostServices): Dispatcher;
  /** Stops dockerd with `signal`; resolves once it has exited. Counted as one fault. */
  stop(signal: Outage, what: string): Promise<void>;
  /** Starts dockerd again on the same data root and socket; resolves the time it answered. */
  start(): Promise<number>;
  /** A running container of the test image printing a line every 10 ms, quick to stop. */
  chattyContainer(prefix: string): Promise<string>;
  close(): Promise<void>;
}

export async function startFaultEngine(): Promise<FaultEngine> {
  const daemon = await startPrivateEngine();
  const engines: Engine[] = [];
  try {
    const images = await ensureTestImages(daemon.dockerHost);
    const docker = new Docker({ socketPath: daemon.dockerHost.slice('unix://'.length) });
    return {
      daemon,
      dockerHost: daemon.dockerHost,
      docker,
      image: images.busybox,
      berth(socketPath) {
        const engine = createEngine({ DOCKER_HOST: socketPath ? `unix://${socketPath}` : daemon.dockerHost });
        engine.monitor.start();
        engines.push(engine);
        return engine;
      },
      dispatcher: (berth, host = webHost) => createBackend({ engine: berth, host }).dispatcher,
      async stop(signal, what) {
        faults.count(`engine ${signal} (${what})`);
        await daemon.kill(signal);
      },
      async start() {
        await daemon.restart();
        return Date.now();
      },
      async chattyContainer(prefix) {
        const container = await docker.createContainer({
          Image: images.busybox,
          name: uniqueName(prefix),
          Labels: { ...TEST_LABELS },
          // sh as PID 1 ignores SIGTERM unless trapped: a clean engine stop would wait for it.
          Cmd: ['sh', '-c', 'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); echo "line $i"; sleep 0.01; done'],
          StopTimeout: 1,
        });
        await container.start();
        return container.id;
      },
      async close() {
        for (const engine of engines) engine.monitor.stop();
        await daemon.stop();
      },
    };
  } catch (err) {
    await daemon.stop();
    throw err;
  }
}

/** Faults injected and recovery times seen, printed by each fault file at the end. */
class FaultLedger {
  private readonly injected = new Map<string, number>();
  private readonly recoveries: Array<{ what: string; ms: number }> = [];

  count(kind: string): void {
    this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
  }

  recovered(what: string, ms: number): void {
    this.recoveries.push({ what, ms });
  }

  report(file: string): string {
    const total = [...this.injected.values()].reduce((a, b) => a + b, 0);
    const kinds = [...this.injected].map(([kind, n]) => `  ${kind}: ${n}`).join('\n');
    const times = this.recoveries.map((r) => `  ${r.what}: ${r.ms} ms`).join('\n');
    const worst = Math.max(0, ...this.recoveries.map((r) => r.ms));
    return `[engine-faults] ${file}: ${total} faults injected\n${kinds}\n[engine-faults] recovery after the engine answered again (worst ${worst} ms):\n${times}`;
  }
}

export const faults = new FaultLedger();

/**
 * What the user reads must be plain: a known code, one sentence or two in words, no errno chains
 * ("connect ECONNREFUSED /x.sock"), no socket paths, no stack, no "(... (...))" nesting.
 */
export function expectPlainError(error: BerthErrorShape | undefined, codes: readonly ErrorCode[] = ['ENGINE_UNAVAILABLE']): void {
  expect(error, 'an error').toBeDefined();
  if (!error) return;
  expect(codes, `code of "${error.message}"`).toContain(error.code);
  const message = error.message;
  expect(message.length, message).toBeLessThan(300);
  expect(message, 'starts like a sentence').toMatch(/^[A-Z0-9]/);
  expect(message, 'no nested parentheses').not.toMatch(/\([^()]*\(/);
  expect(message, 'no raw errno text').not.toMatch(/\bE(CONN|PIPE|NOENT|ACCES|TIMEDOUT|HOSTUNREACH|AI_)[A-Z]*\b|socket hang up|\bHTTP code\b|\berrno\b/i);
  expect(message, 'no socket path').not.toMatch(/\.sock\b/);
  expect(message, 'no stack').not.toMatch(/\n\s+at /);
}

/** Resolves how long `attempt` took to first succeed, polling it until `timeoutMs` from `since`. */
export async function timeToSucceed(since: number, attempt: () => Promise<boolean>, timeoutMs = 15_000): Promise<number> {
  for (;;) {
    if (await attempt().catch(() => false)) return Date.now() - since;
    if (Date.now() - since > timeoutMs) throw new Error(`did not recover within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
