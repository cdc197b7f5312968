import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { MeteredRelay } from '../helpers/metered-relay';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server that writes without end to whoever connects, and reports when that connection closes. */
async function endlessWriter(dir: string): Promise<{ socketPath: string; closed: Promise<void> }> {
  const socketPath = path.join(dir, 'writer.sock');
  let closedNow!: () => void;
  const closed = new Promise<void>((resolve) => (closedNow = resolve));
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.on('close', closedNow);
    const block = Buffer.alloc(64 * 1024, 1);
    const pump = (): void => {
      while (!socket.destroyed && socket.write(block));
      if (!socket.destroyed) socket.once('drain', pump);
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { socketPath, closed };
}

// An engine blocked writing to a reader that left holds what it serves (a container's lock while an
// archive is read): the relay must close the engine's side once nothing can reach the reader, also
// when the reader left with a clean end (which only ends the engine's side) while the relay held it.
it('closes the sender once its reader has gone, also after a clean end while paused', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-relay-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const writer = await endlessWriter(dir);
  const relay = new MeteredRelay(writer.socketPath, dir);
  await relay.up();
  cleanups.push(() => relay.down());
  const paused = relay.when('fromEngine', 1024 * 1024, 'pause');
  const reader = net.connect(relay.socketPath);
  reader.on('data', () => undefined);
  await paused;
  const readerClosed = new Promise<void>((resolve) => reader.on('close', () => resolve()));
  reader.end();
  await readerClosed;
  relay.resume();
  await writer.closed;
  expect(relay.bytes('fromEngine')).toBeGreaterThanOrEqual(1024 * 1024);
});
