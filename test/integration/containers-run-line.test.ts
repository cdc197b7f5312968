// containers.runCommand: the `docker run` line Berth gives for an existing container makes, run
// through the real docker CLI, a container equal to it (Config and HostConfig field by field; ids,
// names, times and generated hostnames apart): for generated specs Berth created, and for
// containers the CLI made with flags Berth's form does not have.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateContainerSpec } from '../../src/shared/contract';
import type { RunCommandLine } from '../../src/shared/types/containers';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { runShellLine } from '../helpers/cli-line';
import { compareContainers } from '../helpers/container-diff';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { specArbitrary } from '../helpers/spec-arbitrary';
import { quoteShellWord } from '../../src/shared/cli/shell-quote';

const dispatcher = createBackend({ engine: createEngine(), host: webHost }).dispatcher;
const bindSource = mkdtempSync(path.join(tmpdir(), 'berth-run-line-'));
const network = uniqueName('run-line-net');
/** Generated specs run against the engine: few, with a fixed seed, so the suite stays quick and repeatable. */
const GENERATED = Number(process.env.BERTH_RUN_LINE_SPECS ?? 8);

beforeAll(async () => {
  await docker().createNetwork({ Name: network, Labels: { ...TEST_LABELS } });
});

afterAll(async () => {
  await removeTestContainers();
  await docker().getNetwork(network).remove();
  rmSync(bindSource, { recursive: true, force: true });
});

async function runCommandOf(id: string): Promise<string> {
  const answer = await dispatcher.invoke('containers.runCommand', { id });
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.result as RunCommandLine).commandLine;
}

/** Runs Berth's line for `name` with the name swapped, as a user would paste it into sh. */
async function recreate(name: string, how: 'run' | 'create'): Promise<{ line: string; copy: string }> {
  const line = await runCommandOf(name);
  const copy = uniqueName('run-line-copy');
  expect(line).toContain(`--name ${name} `);
  expect(line.startsWith('docker run -d ')).toBe(true);
  const pasted = line.replace(`--name ${name} `, `--name ${copy} `);
  const ran = await runShellLine(how === 'run' ? pasted : pasted.replace(/^docker run -d /, 'docker create '));
  expect(ran.code, `${line}\n${ran.stderr}`).toBe(0);
  return { line, copy };
}

const specs = fc.sample(specArbitrary('engine', { image: testImage, bindSource, network, labels: { ...TEST_LABELS } }), { seed: 4242, numRuns: GENERATED });

describe('spec -> Berth create -> runCommand -> docker CLI -> the same container', () => {
  specs.forEach((generated, index) => {
    it(`generated spec ${index + 1}`, async () => {
      const name = uniqueName('run-line');
      const spec: CreateContainerSpec = { ...generated, name };
      // Created, not started: privileged containers cannot start on every test machine, and the
      // line's `docker run -d` is compared as `docker create`, which sends the same body.
      const made = await dispatcher.invoke('containers.create', spec);
      if (!made.ok) throw new Error(`${JSON.stringify(spec)}: ${made.error.message}`);
      const { line, copy } = await recreate(name, 'create');
      expect(await compareContainers(name, copy), line).toEqual([]);
    });
  });
});

describe('containers the docker CLI made', () => {
  it('-v binds, -P, env and labels beside the image own, --add-host, --dns, limits, another log driver, an entrypoint reset', async () => {
    const name = uniqueName('run-line-cli');
    const line = [
      'docker run -d',
      `--name ${name}`,
      `--label berth.test=1 --label 'odd=it'"'"'s x'`,
      `-v ${quoteShellWord(bindSource)}:/host:ro -v berth-test-run-line-vol:/data`,
      '-p 127.0.0.1::8080 -p 127.0.0.1::53/udp --expose 9000',
      "-e 'A=one two' -e PATH=/usr/bin:/bin",
      '--add-host db.local:10.0.0.5 --dns 10.0.0.53 --dns-search example.com',
      '--memory 32m --memory-swap 64m --memory-reservation 16m --cpu-shares 512',
      '--log-driver local --log-opt max-size=5m',
      '--stop-signal SIGUSR1 --security-opt no-new-privileges',
      "--entrypoint '' --workdir /tmp",
      `${testImage} sleep 300`,
    ].join(' ');
    const ran = await runShellLine(line);
    expect(ran.code, ran.stderr).toBe(0);
    const recreated = await recreate(name, 'run');
    expect(recreated.line).not.toContain('com.docker.compose');
    expect(await compareContainers(name, recreated.copy), recreated.line).toEqual([]);
    await docker().getContainer(recreated.copy).remove({ force: true });
    await docker().getContainer(name).remove({ force: true });
    await docker().getVolume('berth-test-run-line-vol').remove();
  });

  it('leaves out what the image already sets and compose labels', async () => {
    const name = uniqueName('run-line-image');
    const ran = await runShellLine(`docker run -d --name ${name} --label berth.test=1 --label com.docker.compose.project=x ${testImage} sleep 300`);
    expect(ran.code, ran.stderr).toBe(0);
    const line = await runCommandOf(name);
    // berth.test=1 is the test image's own label; its CMD is /bin/sh, so the command is written.
    expect(line).toBe(`docker run -d --name ${name} ${testImage} sleep 300`);
    await docker().getContainer(name).remove({ force: true });
  });

  it('a container that is not there: NOT_FOUND', async () => {
    const answer = await dispatcher.invoke('containers.runCommand', { id: 'berth-test-no-such-container' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('NOT_FOUND');
  });
});
