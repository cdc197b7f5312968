// exec.session against the real engine: one-off commands, TTY shells, resize, faults and cleanup.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRelayedEngine } from '../helpers/engine-relay';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { docker, noShellImage, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { createTerminalBackend, openSession, type Session } from './terminal-harness';

const backend = createTerminalBackend();
const dispatcher = backend.dispatcher;
const opened: Session[] = [];
let running: string;

function exec(input: Record<string, unknown>): Session {
  const session = openSession(dispatcher, 'exec.session', input);
  opened.push(session);
  return session;
}

async function startContainer(image = testImage, cmd = ['sleep', '600']): Promise<string> {
  const name = uniqueName('term');
  const container = await docker().createContainer({ Image: image, name, Cmd: cmd, Labels: { ...TEST_LABELS } });
  await container.start();
  return name;
}

beforeAll(async () => {
  running = await startContainer();
});

afterEach(() => {
  for (const session of opened.splice(0)) session.close();
});

afterAll(async () => {
  await removeTestContainers();
});

describe('exec.session: one-off commands (no TTY)', () => {
  it('runs echo: its output, exit code 0, and the stream closes by itself', async () => {
    const session = exec({ id: running, command: ['echo', 'hello from exec'], tty: false, stdin: false });
    const ready = await session.ready();
    expect(ready).toMatchObject({ tty: false, stdin: false, command: ['echo', 'hello from exec'], containerName: running });
    expect(await session.ended()).toEqual({ kind: 'ended', reason: 'exited', exitCode: 0 });
    expect(session.text('stdout')).toBe('hello from exec\n');
    expect(session.text('stderr')).toBe('');
    expect(dispatcher.openStreamCount()).toBe(0);
    expect(backend.terminals.size).toBe(0);
  });

  it('keeps stdout and stderr apart and reports a non-zero exit code', async () => {
    const session = exec({ id: running, command: ['sh', '-c', 'echo out; echo err >&2; echo more; exit 3'], tty: false, stdin: false });
    expect(await session.ended()).toMatchObject({ reason: 'exited', exitCode: 3 });
    expect(session.text('stdout')).toBe('out\nmore\n');
    expect(session.text('stderr')).toBe('err\n');
  });

  it('carries binary output byte for byte', async () => {
    const session = exec({ id: running, command: ['sh', '-c', 'head -c 65536 /dev/urandom > /tmp/b; cat /tmp/b'], tty: false, stdin: false });
    await session.ended();
    const expected = await docker().getContainer(running).getArchive({ path: '/tmp/b' });
    const chunks: Buffer[] = [];
    for await (const chunk of expected) chunks.push(chunk as Buffer);
    const tar = Buffer.concat(chunks);
    expect(session.bytes('stdout').length).toBe(65536);
    // The file's bytes sit right after the 512-byte tar header.
    expect(session.bytes('stdout').equals(tar.subarray(512, 512 + 65536))).toBe(true);
  });

  it('says so when the command does not exist (the engine exits it with 126/127)', async () => {
    const session = exec({ id: running, command: ['no-such-command'], tty: false, stdin: false });
    const end = await session.ended();
    expect(end.reason).toBe('exited');
    expect([126, 127]).toContain(end.exitCode);
    expect(session.text('stdout') + session.text('stderr')).toMatch(/not found|no such file/i);
  });

  it('a process that exits at once ends the session with its code', async () => {
    const session = exec({ id: running, command: ['false'], tty: true });
    expect(await session.ended()).toMatchObject({ reason: 'exited', exitCode: 1 });
    expect(backend.terminals.size).toBe(0);
  });

  it('delivers 8 MB in order with acknowledgements, and pauses the engine read without them', async () => {
    const total = 8 * 1024 * 1024;
    const session = exec({ id: running, command: ['head', '-c', String(total), '/dev/zero'], tty: false, stdin: false });
    const { sessionId } = await session.ready();
    await waitFor(() => session.bytes('stdout').length >= 2 * 1024 * 1024, { message: 'the first 2 MB' });
    // Nothing acknowledged yet: main stops reading at its high-water mark (2 MiB + one frame).
    expect(session.bytes('stdout').length).toBeLessThanOrEqual(2 * 1024 * 1024 + 256 * 1024);
    let acked = 0;
    await waitFor(
      async () => {
        const received = session.bytes('stdout').length;
        if (received > acked) {
          await dispatcher.invoke('exec.ack', { sessionId, bytes: received - acked });
          acked = received;
        }
        return session.frames.some((f) => f.kind === 'end');
      },
      { timeout: 30_000, interval: 20, message: 'all 8 MB' },
    );
    expect(session.bytes('stdout').length).toBe(total);
    expect(await session.ended()).toMatchObject({ exitCode: 0 });
  });
});

describe('exec.session: interactive TTY', () => {
  it('opens the container shell and runs what is typed', async () => {
    const session = exec({ id: running, cols: 100, rows: 40 });
    const ready = await session.ready();
    expect(ready).toMatchObject({ tty: true, stdin: true, command: ['/bin/sh'] });
    await session.send('echo typed-$((6*7))\n');
    await session.waitForText(/typed-42/);
  });

  it('follows resizes: stty size inside sees the new size', async () => {
    const session = exec({ id: running, cols: 100, rows: 40 });
    const { sessionId } = await session.ready();
    await session.send('stty size\n');
    await session.waitForText(/\b40 100\b/);
    const resized = await dispatcher.invoke('exec.resize', { sessionId, cols: 132, rows: 31 });
    expect(resized).toEqual({ ok: true, result: { open: true } });
    await session.send('stty size\n');
    await session.waitForText(/\b31 132\b/);
  });

  it('takes a 1 MB paste in pieces, all of it', async () => {
    const size = 1024 * 1024;
    const session = exec({ id: running, command: ['sh', '-c', `stty raw -echo; head -c ${size} | wc -c`], tty: true });
    await session.ready();
    await waitFor(async () => (await docker().getContainer(running).top()).Processes.some((p: string[]) => p.join(' ').includes('head -c')), {
      message: 'head to be reading',
    });
    const line = `${'x'.repeat(1023)}\n`;
    const paste = line.repeat(size / line.length);
    for (let at = 0; at < paste.length; at += 16 * 1024) await session.send(paste.slice(at, at + 16 * 1024));
    await session.waitForText(/1048576/);
    expect(await session.ended()).toMatchObject({ exitCode: 0 });
  });

  it('runs as another user in another directory with extra environment', async () => {
    const session = exec({
      id: running,
      command: ['sh', '-c', 'echo "$(id -u):$(pwd):$GREETING"'],
      tty: false,
      stdin: false,
      user: '1234',
      workingDir: '/tmp',
      env: [{ key: 'GREETING', value: 'hi there' }],
    });
    await session.ended();
    expect(session.text('stdout')).toBe('1234:/tmp:hi there\n');
  });

  it('closing the session closes the engine connection, and the shell it started exits', async () => {
    const { relay, engine, stop } = await startRelayedEngine('berth-term');
    const relayedBackend = createBackend({ engine, host: webHost });
    const relayed = relayedBackend.dispatcher;
    try {
      const session = openSession(relayed, 'exec.session', { id: running });
      const { execId } = await session.ready();
      await session.send('echo alive\n');
      await session.waitForText(/alive/);
      expect(relay.hijackedConnections).toBe(1);
      expect(relayed.openStreamCount()).toBe(1);
      session.close();
      expect(relayed.openStreamCount()).toBe(0);
      expect(relayedBackend.terminals.size).toBe(0);
      await waitFor(() => relay.hijackedConnections === 0, { message: 'the engine connection to close' });
      await waitFor(async () => !(await docker().getExec(execId!).inspect()).Running, { message: 'the shell to exit' });
    } finally {
      await stop();
    }
  });
});

describe('exec.session: closing a custom TTY command', () => {
  for (const [what, command, banner] of [
    ['top (quits on Ctrl-C)', ['top'], /Mem:|PID/],
    ['a shell named as the command', ['sh'], /#|\$/],
  ] as const) {
    it(`ends ${what} when its tab closes`, async () => {
      const session = exec({ id: running, command: [...command], tty: true });
      const { execId } = await session.ready();
      await session.waitForText(banner);
      expect((await docker().getExec(execId!).inspect()).Running).toBe(true);
      session.close();
      await waitFor(async () => !(await docker().getExec(execId!).inspect()).Running, { message: `${command[0]} to exit` });
    });
  }
});

describe('exec.session: faults', () => {
  it('refuses a container that is not running, plainly', async () => {
    const name = uniqueName('stopped');
    await docker().createContainer({ Image: testImage, name, Cmd: ['true'], Labels: { ...TEST_LABELS } });
    const session = exec({ id: name });
    const frame = await session.finished();
    expect(frame).toMatchObject({ kind: 'error', error: { code: 'CONFLICT', message: `Container ${name} is not running. Start it first.` } });
    expect(dispatcher.openStreamCount()).toBe(0);
  });

  it('says when a container has no shell, and a command still runs there', async () => {
    const name = await startContainer(noShellImage, ['busybox', 'sleep', '600']);
    const session = exec({ id: name });
    expect(await session.finished()).toMatchObject({ kind: 'error', error: { code: 'NOT_FOUND', message: expect.stringMatching(/has no shell/) } });
    const command = exec({ id: name, command: ['busybox', 'echo', 'no shell needed'], tty: false, stdin: false });
    await command.ended();
    expect(command.text('stdout')).toBe('no shell needed\n');
  });

  it('reports a missing container as NOT_FOUND', async () => {
    const session = exec({ id: 'berth-test-no-such-container' });
    expect(await session.finished()).toMatchObject({ kind: 'error', error: { code: 'NOT_FOUND' } });
  });

  it('ends the session when the container stops under it', async () => {
    const name = await startContainer();
    const session = exec({ id: name });
    await session.ready();
    await docker().getContainer(name).kill();
    expect(await session.ended()).toMatchObject({ reason: 'container-stopped' });
    expect(backend.terminals.size).toBe(0);
  });

  it('ends with ENGINE_UNAVAILABLE when the engine goes away', async () => {
    const { relay, engine, stop } = await startRelayedEngine('berth-term');
    const relayedBackend = createBackend({ engine, host: webHost });
    const relayed = relayedBackend.dispatcher;
    try {
      const session = openSession(relayed, 'exec.session', { id: running });
      await session.ready();
      await relay.down();
      expect(await session.finished()).toMatchObject({
        kind: 'error',
        error: { code: 'ENGINE_UNAVAILABLE', message: 'The Docker engine went away; the session ended.' },
      });
      expect(relayed.openStreamCount()).toBe(0);
      expect(relayedBackend.terminals.size).toBe(0);
    } finally {
      await stop();
    }
  });

  it('refuses bad input with INVALID_INPUT and changes nothing', async () => {
    const refused = async (outcome: { ok: boolean; error?: { code: string } }) =>
      expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await refused(dispatcher.subscribe('exec.session', { id: '' }, () => undefined));
    await refused(dispatcher.subscribe('exec.session', { id: running, command: [] }, () => undefined));
    await refused(dispatcher.subscribe('exec.session', { id: running, command: [' '] }, () => undefined));
    await refused(dispatcher.subscribe('exec.session', { id: running, workingDir: 'relative' }, () => undefined));
    await refused(dispatcher.subscribe('exec.session', { id: running, cols: 0, rows: 10 }, () => undefined));
    await refused(dispatcher.subscribe('exec.session', { id: running, env: [{ key: 'A=B', value: '' }] }, () => undefined));
    await refused(await dispatcher.invoke('exec.input', { sessionId: 'nope', data: 'x' }));
    await refused(await dispatcher.invoke('exec.input', { sessionId: crypto.randomUUID(), data: 'x'.repeat(70_000) }));
    await refused(await dispatcher.invoke('exec.resize', { sessionId: crypto.randomUUID(), cols: 0, rows: 5 }));
    await refused(await dispatcher.invoke('exec.ack', { sessionId: crypto.randomUUID(), bytes: -1 }));
    await refused(await dispatcher.invoke('terminal.openLink', { url: 'javascript:alert(1)' }));
    await refused(await dispatcher.invoke('terminal.openLink', { url: 'file:///etc/passwd' }));
    expect(dispatcher.openStreamCount()).toBe(0);
    // A well-formed id of no open session is not an error: input racing a session's end.
    expect(await dispatcher.invoke('exec.input', { sessionId: crypto.randomUUID(), data: 'x' })).toEqual({ ok: true, result: { open: false } });
  });
});
