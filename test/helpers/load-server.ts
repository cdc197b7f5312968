// A browser-mode server alone in its own process, for the load test (test/integration/load.test.ts):
// its memory and descriptors are then the server's, not the test's. Run with tsx; DOCKER_HOST
// says which engine. Prints one JSON line {port, token} when listening; then answers each line on
// stdin ("sample", or "gc" then a sample) with one JSON line of measurements; exits when stdin ends.
import { readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { startWebServer } from '../../src/main/web/server';

export interface LoadSample {
  rss: number;
  heapUsed: number;
  /** Entries in /proc/self/fd: sockets, files, pipes, epoll and event fds. */
  fds: number;
  /** Streams the dispatcher has open. */
  openStreams: number;
}

const engine = createEngine();
engine.monitor.start();
const backend = createBackend({ engine, host: webHost });
const dispatcher = backend.dispatcher;

const sample = (): LoadSample => ({
  rss: process.memoryUsage().rss,
  heapUsed: process.memoryUsage().heapUsed,
  fds: readdirSync('/proc/self/fd').length,
  openStreams: dispatcher.openStreamCount(),
});

async function main(): Promise<void> {
  const web = await startWebServer({ backend });
  process.stdout.write(`${JSON.stringify({ port: web.port, token: web.token })}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (line.trim() === 'gc' && collect) collect();
    process.stdout.write(`${JSON.stringify(sample())}\n`);
  });
  lines.on('close', () => {
    engine.monitor.stop();
    void web.close().then(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`load server: ${String(err)}\n`);
  process.exit(1);
});
