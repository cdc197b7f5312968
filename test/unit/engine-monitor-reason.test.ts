// The engine monitor says which way the socket failed (reasonCode), so the UI can word the outage in
// its own language; real sockets, nothing listening on them.
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { EngineMonitor } from '../../src/main/engine/core/monitor';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('EngineMonitor reasonCode', () => {
  it('is ENOENT for a socket that does not exist', async () => {
    const socketPath = path.join(tmpdir(), `berth-missing-${process.pid}.sock`);
    const monitor = new EngineMonitor(new Docker({ socketPath }), `unix://${socketPath}`);
    const state = await monitor.check();
    monitor.stop();
    expect(state).toMatchObject({ status: 'disconnected', reasonCode: 'ENOENT', error: 'The Docker engine is not reachable (its socket does not exist).' });
  });

  it('is ECONNREFUSED where nothing listens', async () => {
    const port = await closedPort();
    const monitor = new EngineMonitor(new Docker({ host: '127.0.0.1', port, protocol: 'http' }), `tcp://127.0.0.1:${port}`);
    const state = await monitor.check();
    monitor.stop();
    expect(state).toMatchObject({ status: 'disconnected', reasonCode: 'ECONNREFUSED' });
  });
});
