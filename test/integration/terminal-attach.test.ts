// attach.session against the real engine: consoles with and without a TTY, detach keys, run -it.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startRelayedEngine } from '../helpers/engine-relay';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { createTerminalBackend, openSession, type Session } from './terminal-harness';

const backend = createTerminalBackend();
const dispatcher = backend.dispatcher;
const opened: Session[] = [];

function attach(input: Record<string, unknown>): Session {
  const session = openSession(dispatcher, 'attach.session', input);
  opened.push(session);
  return session;
}

async function container(cmd: string[], options: { tty: boolean; stdin: boolean; start?: boolean }): Promise<string> {
  const name = uniqueName('attach');
  const created = await docker().createContainer({
    Image: testImage,
    name,
    Cmd: cmd,
    Tty: options.tty,
    OpenStdin: options.stdin,
    AttachStdin: options.stdin,
    AttachStdout: true,
    AttachStderr: true,
    Labels: { ...TEST_LABELS },
  });
  if (options.start !== false) await created.start();
  return name;
}

const isRunning = async (name: string): Promise<boolean> => (await docker().getContainer(name).inspect()).State.Running;

afterEach(() => {
  for (const session of opened.splice(0)) session.close();
});

afterAll(async () => {
  await removeTestContainers();
});

describe('attach.session', () => {
  it('attaches to a `sh -i` container without a TTY: echo hi comes back on stdout', async () => {
    const name = await container(['sh', '-i'], { tty: false, stdin: true });
    const session = attach({ id: name, logs: false });
    expect(await session.ready()).toMatchObject({ tty: false, stdin: true, command: ['sh', '-i'], containerName: name });
    await session.send('echo hi\n');
    await session.waitForText(/^hi$/m, 'stdout');
    await session.send('echo oops >&2\n');
    await session.waitForText(/oops/, 'stderr');
    expect(session.text('stdout')).not.toMatch(/oops/);
  });

  it('shows earlier output on attach (logs)', async () => {
    const name = await container(['sh', '-c', 'echo printed-before-attach; exec sh -i'], { tty: false, stdin: true });
    await waitFor(async () => (await dockerCli(['logs', name])).stdout.includes('printed-before-attach'), { message: 'the early line in the logs' });
    const session = attach({ id: name, logs: true });
    await session.waitForText(/printed-before-attach/, 'stdout');
  });

  it('detach keys end the session and leave the container running', async () => {
    const name = await container(['sh'], { tty: true, stdin: true });
    const session = attach({ id: name, logs: false, cols: 90, rows: 20 });
    expect(await session.ready()).toMatchObject({ tty: true, stdin: true });
    await session.send('stty size\n');
    await session.waitForText(/\b20 90\b/);
    await session.send('\x10\x11');
    expect(await session.ended()).toEqual({ kind: 'ended', reason: 'detached', exitCode: null });
    expect(await isRunning(name)).toBe(true);
    expect(backend.terminals.size).toBe(0);
    expect(dispatcher.openStreamCount()).toBe(0);
  });

  it('honours configured detach keys, split across writes, and passes a near miss through', async () => {
    const name = await container(['sh'], { tty: true, stdin: true });
    const session = attach({ id: name, logs: false, detachKeys: 'ctrl-a,x' });
    await session.ready();
    // ctrl-a then something else is not the sequence: both reach the shell, whose ctrl-a moves
    // the cursor to the start of the line, so the line run is `echo twoecho one`.
    await session.send('echo one\x01');
    await session.send('echo two\n');
    await session.waitForText(/^twoecho one\r?$/m);
    await session.send('\x01');
    await session.send('x');
    expect(await session.ended()).toMatchObject({ reason: 'detached' });
    expect(await isRunning(name)).toBe(true);
  });

  it('reports the exit code when the main process ends', async () => {
    const name = await container(['sh'], { tty: true, stdin: true });
    const session = attach({ id: name, logs: false });
    await session.ready();
    await session.send('exit 5\n');
    expect(await session.ended()).toEqual({ kind: 'ended', reason: 'exited', exitCode: 5 });
  });

  it('is read-only for a container without stdin', async () => {
    const name = await container(['sh', '-c', 'while true; do echo tick; sleep 0.2; done'], { tty: false, stdin: false });
    const session = attach({ id: name, logs: false });
    expect(await session.ready()).toMatchObject({ stdin: false });
    await session.waitForText(/tick/, 'stdout');
  });

  it('run -it: attaches before starting, so the first line printed at start is there', async () => {
    const name = await container(['sh', '-c', 'echo first-line-at-start; exec sh'], { tty: true, stdin: true, start: false });
    const session = attach({ id: name, start: true });
    await session.ready();
    await session.waitForText(/first-line-at-start/);
    expect(await isRunning(name)).toBe(true);
    await session.send('echo still-here\n');
    await session.waitForText(/still-here/);
  });

  it('refuses a stopped container unless asked to start it', async () => {
    const name = await container(['sh'], { tty: true, stdin: true, start: false });
    const session = attach({ id: name });
    expect(await session.finished()).toMatchObject({
      kind: 'error',
      error: { code: 'CONFLICT', message: `Container ${name} is not running. Start it to attach.` },
    });
    expect(await isRunning(name)).toBe(false);
  });

  it('closing the session detaches: the engine connection closes, the container keeps running', async () => {
    const name = await container(['sh'], { tty: true, stdin: true });
    const { relay, engine, stop } = await startRelayedEngine('berth-attach');
    try {
      const relayedBackend = createBackend({ engine, host: webHost });
      const relayed = relayedBackend.dispatcher;
      const session = openSession(relayed, 'attach.session', { id: name, logs: false });
      await session.ready();
      expect(relay.hijackedConnections).toBe(1);
      session.close();
      expect(relayed.openStreamCount()).toBe(0);
      expect(relayedBackend.terminals.size).toBe(0);
      await waitFor(() => relay.hijackedConnections === 0, { message: 'the attach connection to close' });
      expect(await isRunning(name)).toBe(true);
    } finally {
      await stop();
    }
  });

  it('refuses bad detach keys with INVALID_INPUT', async () => {
    for (const detachKeys of ['ctrl-', 'ctrl-1', 'alt-x', 'ab', ',']) {
      const outcome = dispatcher.subscribe('attach.session', { id: 'anything', detachKeys }, () => undefined);
      expect(outcome, detachKeys).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(dispatcher.openStreamCount()).toBe(0);
  });
});
