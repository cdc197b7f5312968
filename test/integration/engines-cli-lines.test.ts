// The CLI lines the engines UI shows, run through the real docker CLI: a line with the engine's
// flag reaches that engine even when the CLI's own choice is elsewhere, and the context lines make
// and remove a context the CLI lists.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineDirectory } from '../../src/main/engine/engines/directory';
import { contextCreateCommand, contextRemoveCommand, engineCliFlag, withEngineFlag } from '../../src/shared/cli/engines';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';

const exec = promisify(execFile);
const dockerHost = process.env.DOCKER_HOST ?? '';
const name = uniqueName('cli-engine');
let configDir: string;
/** The CLI's environment with no DOCKER_HOST: without a flag it would use its default socket, not the test engine. */
let cliEnv: NodeJS.ProcessEnv;

const sh = (line: string) => exec('sh', ['-c', line], { env: cliEnv });

beforeAll(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), 'berth-cli-engines-'));
  cliEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: configDir };
  await docker().createContainer({ Image: testImage, name, Cmd: ['true'], Labels: { ...TEST_LABELS } });
});

afterAll(async () => {
  await docker()
    .getContainer(name)
    .remove({ force: true })
    .catch(() => undefined);
  await rm(configDir, { recursive: true, force: true });
});

const psLine = `docker ps -a --filter name=${name} --format '{{.Names}}'`;

describe('engines: CLI lines through the docker CLI', () => {
  it('docker context create makes the context engines.list reads, and --context NAME reaches its engine', async () => {
    const line = contextCreateCommand({ name: 'test-ctx', host: dockerHost, description: "Berth's test engine" });
    expect(line).toBe(`docker context create --description 'Berth'\\''s test engine' --docker host=${dockerHost} -- test-ctx`);
    await sh(line);
    const entry = (await new EngineDirectory({ env: cliEnv, probeTimeoutMs: 5000 }).list()).engines.find((engine) => engine.id === 'test-ctx');
    expect(entry).toMatchObject({ endpoint: dockerHost, description: "Berth's test engine", current: false, state: 'connected' });
    const flagged = withEngineFlag(psLine, engineCliFlag(entry));
    expect(flagged).toBe(`docker --context test-ctx ps -a --filter name=${name} --format '{{.Names}}'`);
    expect((await sh(flagged)).stdout.trim()).toBe(name);
    // The CLI's current engine needs no flag.
    expect(withEngineFlag(psLine, engineCliFlag(entry && { ...entry, current: true }))).toBe(psLine);
  });

  it('-H HOST reaches an engine that is not a context', async () => {
    const flagged = withEngineFlag(psLine, engineCliFlag({ id: 'default', source: 'env', endpoint: dockerHost, current: false }));
    expect(flagged).toBe(`docker -H ${dockerHost} ps -a --filter name=${name} --format '{{.Names}}'`);
    expect((await sh(flagged)).stdout.trim()).toBe(name);
  });

  it('puts the flag after every docker of a chained line, and nowhere else', () => {
    expect(withEngineFlag('docker stop web && docker rm web', '--context b')).toBe('docker --context b stop web && docker --context b rm web');
    expect(withEngineFlag("docker run busybox echo 'docker ps'", '--context b')).toBe("docker --context b run busybox echo 'docker ps'");
    expect(withEngineFlag('docker ps', '')).toBe('docker ps');
  });

  it('docker context rm removes it', async () => {
    await sh(contextRemoveCommand('test-ctx'));
    const { stdout } = await exec('docker', ['context', 'ls', '--format', '{{.Name}}'], { env: cliEnv });
    expect(stdout.split('\n')).not.toContain('test-ctx');
  });
});
