// The CLI line Berth shows for create and run does what Berth did: each spec is created through
// Berth and through the real docker CLI (the shown argv), and the two containers' Config and
// HostConfig are compared field by field (the generated hostname apart).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerArgvFor } from '../../src/shared/cli/docker-command';
import { quoteShellWord } from '../../src/shared/cli/shell-quote';
import { runShellLine } from '../helpers/cli-line';
import type { CreateContainerSpec } from '../../src/shared/contract';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { interactiveCreateSpec, interactiveRunCommand } from '../../src/shared/cli/terminal';

const dispatcher = createBackend({ engine: createEngine(), host: webHost }).dispatcher;
const bindSource = mkdtempSync(path.join(tmpdir(), 'berth-cli-bind-'));

afterAll(async () => {
  await removeTestContainers();
  rmSync(bindSource, { recursive: true, force: true });
});

function runCli(argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(argv[0]!, argv.slice(1), { env: process.env }, (err, _stdout, stderr) => (err ? reject(new Error(`${argv.join(' ')}: ${stderr}`)) : resolve()));
  });
}

/** Paths where the two documents differ, with both values. */
function differences(berth: unknown, cli: unknown, where = ''): string[] {
  if (JSON.stringify(berth) === JSON.stringify(cli)) return [];
  if (berth && cli && typeof berth === 'object' && typeof cli === 'object' && !Array.isArray(berth) && !Array.isArray(cli)) {
    const keys = new Set([...Object.keys(berth), ...Object.keys(cli)]);
    return [...keys].flatMap((key) => differences((berth as Record<string, unknown>)[key], (cli as Record<string, unknown>)[key], `${where}.${key}`));
  }
  return [`${where}: berth ${JSON.stringify(berth)}, cli ${JSON.stringify(cli)}`];
}

const SPECS: Record<string, Omit<CreateContainerSpec, 'image'>> = {
  plain: { command: ['sleep', '300'] },
  'stdin (-i)': { command: ['sh'], openStdin: true },
  'terminal (-it)': { command: ['sh'], openStdin: true, tty: true },
  everything: {
    command: ['sh', '-c', 'echo "a b" $HOME; sleep 300'],
    entrypoint: ['/bin/sh', '-e'],
    env: [{ key: 'A', value: 'one two' }, { key: 'EMPTY', value: '' }],
    ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'udp', hostPort: 0 }],
    mounts: [
      { type: 'bind', source: bindSource, target: '/host', readOnly: true },
      { type: 'volume', target: '/anonymous' },
    ],
    restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
    resources: { memoryBytes: 64 * 1024 * 1024, nanoCpus: 1_500_000_000, pidsLimit: 100 },
    logConfig: { maxSize: '10m', maxFile: 3 },
    labels: { 'com.example.team': 'web', quoted: 'it\'s "x"' },
    workingDir: '/tmp',
    user: '1000:1000',
  },
  'restart unless-stopped': { command: ['sleep', '300'], restartPolicy: { name: 'unless-stopped' } },
};

const strip = (config: Record<string, unknown>): Record<string, unknown> => ({
  ...config,
  Hostname: undefined,
  // The CLI does not keep the order of -e flags; the environment is the same set.
  Env: Array.isArray(config.Env) ? [...(config.Env as string[])].sort() : config.Env,
});

async function compareContainers(berthName: string, cliName: string): Promise<string[]> {
  const [berth, cli] = await Promise.all([berthName, cliName].map((name) => docker().getContainer(name).inspect()));
  return differences(
    { Config: strip(berth!.Config as unknown as Record<string, unknown>), HostConfig: berth!.HostConfig },
    { Config: strip(cli!.Config as unknown as Record<string, unknown>), HostConfig: cli!.HostConfig },
  );
}

describe('the shown docker create / docker run -d line makes the same container', () => {
  for (const channel of ['containers.create', 'containers.run'] as const) {
    for (const [label, extra] of Object.entries(SPECS)) {
      it(`${channel}: ${label}`, async () => {
        const spec = (name: string): CreateContainerSpec => ({ image: testImage, ...extra, name, labels: { ...extra.labels, ...TEST_LABELS } });
        const berthName = uniqueName('cli-berth');
        const cliName = uniqueName('cli-line');
        const made = await dispatcher.invoke(channel, spec(berthName));
        if (!made.ok) throw new Error(`${channel}: ${made.error.message}`);
        await runCli(dockerArgvFor(channel, spec(cliName)));
        expect(await compareContainers(berthName, cliName)).toEqual([]);
      });
    }
  }
});

// "Create and start interactively" creates what `docker create -it` does, attaches, then starts:
// what `docker run -it` does. The shown `docker run -it …` line is run in a pseudo-terminal
// (`script`), as a user pastes it; the container it makes must equal Berth's.
describe('the shown docker run -it line makes the container "Create and start interactively" makes', () => {
  const interactive: Record<string, Omit<CreateContainerSpec, 'image'>> = {
    plain: { command: ['sh', '-c', 'exit 0'] },
    // The entrypoint is /bin/sh -e: the command is its arguments.
    everything: { ...SPECS.everything, command: ['-c', 'exit 0'] },
  };
  for (const [label, extra] of Object.entries(interactive)) {
    it(label, async () => {
      const spec = (name: string): CreateContainerSpec => ({ image: testImage, ...extra, name, labels: { ...extra.labels, ...TEST_LABELS } });
      const berthName = uniqueName('it-berth');
      const cliName = uniqueName('it-line');
      const made = await dispatcher.invoke('containers.create', interactiveCreateSpec(spec(berthName)));
      if (!made.ok) throw new Error(made.error.message);
      const line = interactiveRunCommand(spec(cliName));
      expect(line.startsWith('docker run -it ')).toBe(true);
      const ran = await runShellLine(`script -qec ${quoteShellWord(line)} /dev/null`);
      expect(ran.code, ran.stderr).toBe(0);
      expect(await compareContainers(berthName, cliName)).toEqual([]);
    });
  }
});

