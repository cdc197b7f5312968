// Attach does what its CLI line says (issue #11, item 17): `docker attach` and `docker start -ai`
// replay nothing a container printed before, so Berth asks for no replay unless "Show earlier
// output" is chosen, and then the line is `docker logs …; docker attach …`. Each line is run
// through the real docker CLI on a twin container and its output compared with Berth's.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runShellLine } from '../helpers/cli-line';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { createTerminalBackend, openSession, type Session } from './terminal-harness';
import { dockerAttachCommand, type AttachCommandOptions } from '../../src/shared/cli/terminal';

const backend = createTerminalBackend();
const dispatcher = backend.dispatcher;
const opened: Session[] = [];

afterEach(() => {
  for (const session of opened.splice(0)) session.close();
});
afterAll(async () => {
  await removeTestContainers();
});

/** Prints a line, then waits for one line of input and echoes it: a container with earlier output and a live console. */
const PROGRAM = ['sh', '-c', 'echo earlier-output; read line; echo "got $line"'];

async function container(prefix: string, start: boolean): Promise<string> {
  const name = uniqueName(prefix);
  const created = await docker().createContainer({
    Image: testImage,
    name,
    Cmd: PROGRAM,
    OpenStdin: true,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Labels: { ...TEST_LABELS },
  });
  if (start) {
    await created.start();
    await waitFor(async () => (await dockerCli(['logs', name])).stdout.includes('earlier-output'), { message: `${name} printed its first line` });
  }
  return name;
}

/** What the terminal tab shows of an attach session with these options (the request session.ts makes), after typing `input`. */
async function berthOutput(spec: AttachCommandOptions, input: string): Promise<string> {
  const session = openSession(dispatcher, 'attach.session', {
    id: spec.container,
    ...(spec.logs !== undefined ? { logs: spec.logs } : {}),
    ...(spec.start ? { start: true } : {}),
    ...(spec.detachKeys ? { detachKeys: spec.detachKeys } : {}),
  });
  opened.push(session);
  await session.ready();
  await session.send(input);
  await session.ended();
  return session.text('stdout');
}

async function cliOutput(spec: AttachCommandOptions, input: string): Promise<string> {
  const line = dockerAttachCommand(spec);
  const result = await runShellLine(line, { input, keepStdinOpen: true });
  expect(result.code, `${line}: ${result.stderr}`).toBe(0);
  return result.stdout.toString();
}

const spec = (name: string, extra: Partial<AttachCommandOptions> = {}): AttachCommandOptions => ({ container: name, ...extra });

describe('attach replays nothing unless asked, as its CLI line', () => {
  it('by default no earlier output arrives, as with `docker attach`', async () => {
    const [berth, cli] = await Promise.all([container('attach-berth', true), container('attach-cli', true)]);
    // The request a plain Attach makes: the contract's defaults.
    const shown = await berthOutput(spec(berth), 'one\n');
    expect(shown).toBe('got one\n');
    expect(dockerAttachCommand(spec(cli))).toBe(`docker attach ${cli}`);
    expect(await cliOutput(spec(cli), 'one\n')).toBe(shown);
  });

  it('"Show earlier output" replays it, and the line says `docker logs` first', async () => {
    const [berth, cli] = await Promise.all([container('attach-berth', true), container('attach-cli', true)]);
    const shown = await berthOutput(spec(berth, { logs: true }), 'two\n');
    expect(shown).toBe('earlier-output\ngot two\n');
    expect(dockerAttachCommand(spec(cli, { logs: true }))).toBe(`docker logs ${cli}; docker attach ${cli}`);
    expect(await cliOutput(spec(cli, { logs: true }), 'two\n')).toBe(shown);
  });

  it('start and attach is `docker start -ai --detach-keys=…`: the previous run is not replayed', async () => {
    const [berth, cli] = await Promise.all([container('start-berth', false), container('start-cli', false)]);
    // A first run of each, so there is earlier output a replay would show.
    for (const name of [berth, cli]) {
      const first = await runShellLine(`docker start -ai ${name}`, { input: 'first\n', keepStdinOpen: true });
      expect(first.stdout.toString()).toBe('earlier-output\ngot first\n');
    }
    const shown = await berthOutput(spec(berth, { start: true, detachKeys: 'ctrl-a,x' }), 'again\n');
    expect(shown).toBe('earlier-output\ngot again\n');
    const line = dockerAttachCommand(spec(cli, { start: true, detachKeys: 'ctrl-a,x' }));
    expect(line).toBe(`docker start -ai --detach-keys=ctrl-a,x ${cli}`);
    expect(await cliOutput(spec(cli, { start: true, detachKeys: 'ctrl-a,x' }), 'again\n')).toBe(shown);
  });
});
