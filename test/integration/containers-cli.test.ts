// The CLI line Berth shows for create and run does what Berth did: each spec is created through
// Berth and through the real docker CLI (the shown argv), and the two containers' Config and
// HostConfig are compared field by field (the generated hostname apart).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerArgvFor } from '../../src/shared/cli/docker-command';
import { quoteShellWord } from '../../src/shared/cli/shell-quote';
import { runShellLine } from '../helpers/cli-line';
import type { CreateContainerSpec } from '../../src/shared/contract';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { compareContainers } from '../helpers/container-diff';
import { interactiveCreateSpec, interactiveRunCommand } from '../../src/shared/cli/terminal';

const dispatcher = createBackend({ engine: createEngine(), host: webHost }).dispatcher;
const bindSource = mkdtempSync(path.join(tmpdir(), 'berth-cli-bind-'));
const networkName = uniqueName('cli-net');

beforeAll(async () => {
  await docker().createNetwork({ Name: networkName, Labels: { ...TEST_LABELS } });
});

afterAll(async () => {
  await removeTestContainers();
  await docker().getNetwork(networkName).remove();
  rmSync(bindSource, { recursive: true, force: true });
});

function runCli(argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(argv[0]!, argv.slice(1), { env: process.env }, (err, _stdout, stderr) => (err ? reject(new Error(`${argv.join(' ')}: ${stderr}`)) : resolve()));
  });
}

const SPECS: Record<string, Omit<CreateContainerSpec, 'image'>> = {
  plain: { command: ['sleep', '300'] },
  'stdin (-i)': { command: ['sh'], openStdin: true },
  'terminal (-it)': { command: ['sh'], openStdin: true, tty: true },
  everything: {
    command: ['sh', '-c', 'echo "a b" $HOME; sleep 300'],
    entrypoint: ['/bin/sh', '-e'],
    env: [
      { key: 'A', value: 'one two' },
      { key: 'EMPTY', value: '' },
    ],
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
  'container options': {
    command: ['sleep', '300'],
    autoRemove: true,
    hostname: 'box.example',
    init: true,
    readOnly: true,
    tmpfs: [{ target: '/run', options: 'rw,size=64m' }, { target: '/scratch' }],
    shmSizeBytes: 128 * 1024 * 1024,
    capAdd: ['net_admin', 'CAP_SYS_TIME'],
    capDrop: ['MKNOD'],
    healthcheck: { command: 'test -e /proc/1 && echo "ok"', intervalNs: 30e9, timeoutNs: 1500e6, startPeriodNs: 2e9, retries: 3 },
  },
  'network and privileged': { command: ['sleep', '300'], network: 'NETWORK', privileged: true, healthcheck: { intervalNs: 45e9 } },
  'no network': { command: ['sleep', '300'], network: 'none', capDrop: ['ALL'] },
};

describe('the shown docker create / docker run -d line makes the same container', () => {
  for (const channel of ['containers.create', 'containers.run'] as const) {
    for (const [label, extra] of Object.entries(SPECS)) {
      // A privileged container cannot start on every test machine (a nested engine lacks the caps): created only.
      if (channel === 'containers.run' && extra.privileged) continue;
      it(`${channel}: ${label}`, async () => {
        const network = extra.network === 'NETWORK' ? networkName : extra.network;
        const spec = (name: string): CreateContainerSpec => ({
          image: testImage,
          ...extra,
          ...(network ? { network } : {}),
          name,
          labels: { ...extra.labels, ...TEST_LABELS },
        });
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
