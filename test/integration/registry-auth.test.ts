// Logins against a real registry that needs one (docker-registry with htpasswd -B): the same
// credential store as the docker CLI (file, credsStore, credHelpers), push and pull with it, the
// two "unauthorized" messages, tag suggestions, and the password appearing in nothing produced.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResult, RegistryLogin, RegistryTask, TagSuggestions } from '../../src/shared/types/registries';
import { dockerCli, testImage } from '../helpers/engine';
import {
  dockerHost,
  installTestCredentialHelper,
  privateDockerConfig,
  pushTaggedImage,
  recordingDispatcher,
  startRegistry,
  type RecordingDispatcher,
  type TestRegistry,
} from '../helpers/registry';

let registry: TestRegistry;
let config: Awaited<ReturnType<typeof privateDockerConfig>>;
let helper: Awaited<ReturnType<typeof installTestCredentialHelper>>;
let berth: RecordingDispatcher;
let imageRef: string;
let user: string;
let password: string;
const output: string[] = [];
const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

const configFile = (): string => path.join(config.dir, 'config.json');
const readConfig = async (): Promise<Record<string, unknown>> => JSON.parse(await readFile(configFile(), 'utf8')) as Record<string, unknown>;

async function cliLogin(pass: string): Promise<void> {
  const login = await dockerCliWithInput(['login', '-u', user, '--password-stdin', registry.host], pass);
  expect(login.code, login.stderr).toBe(0);
}

function dockerCliWithInput(args: string[], input: string): Promise<{ code: number; stderr: string }> {
  return import('node:child_process').then(
    ({ spawn }) =>
      new Promise((resolve) => {
        const child = spawn('docker', args, { env: process.env });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.stdout.resume();
        child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
        child.stdin.end(input);
      }),
  );
}

async function pull(reference: string): Promise<RegistryTask> {
  const { taskId } = await berth.call<{ taskId: string }>('images.pull', { reference });
  return berth.settled(taskId);
}

async function resetStore(contents: Record<string, unknown> = {}): Promise<void> {
  await writeFile(configFile(), JSON.stringify(contents));
  await writeFile(helper.storeFile, '{}');
}

beforeAll(async () => {
  // Everything the test process prints is kept, to check the password is in none of it.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (
    output.push(String(chunk)),
    writes.out(chunk, ...rest)
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (
    output.push(String(chunk)),
    writes.err(chunk, ...rest)
  )) as typeof process.stderr.write;
  config = await privateDockerConfig();
  helper = await installTestCredentialHelper();
  registry = await startRegistry({ auth: true });
  user = registry.username!;
  password = registry.password!;
  imageRef = `${registry.host}/berth-test/private:1`;
  await cliLogin(password);
  await pushTaggedImage(dockerHost(), testImage, imageRef);
  await dockerCli(['logout', registry.host]);
  berth = recordingDispatcher();
}, 300_000);

afterAll(async () => {
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
  berth?.close();
  for (const ref of [imageRef, `${registry?.host}/berth-test/pushed:1`]) await dockerCli(['image', 'rm', '-f', ref]);
  await registry?.stop();
  await helper?.remove();
  await config?.restore();
});

describe('logins in the docker CLI config file', () => {
  it('without a login, a pull says the registry needs one (UNAUTHORIZED)', async () => {
    await resetStore();
    const task = await pull(imageRef);
    expect(task.phase).toBe('failed');
    expect(task.error).toEqual({ code: 'UNAUTHORIZED', message: `The registry ${registry.host} needs you to log in to pull ${imageRef}.` });
  });

  it('a wrong password is UNAUTHORIZED with its own message and stores nothing', async () => {
    await resetStore({ keep: { me: true } });
    const outcome = await berth.invoke('registries.login', { server: registry.host, username: user, password: `${password}-wrong` });
    expect(outcome).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: `${registry.host} did not accept that user name and password.` } });
    expect(await readConfig()).toEqual({ keep: { me: true } });
  });

  it('a registry that does not answer is REGISTRY_UNAVAILABLE, said plainly, and stores nothing', async () => {
    await resetStore({ keep: { me: true } });
    // The discard port on loopback: nothing listens there.
    const outcome = await berth.invoke('registries.login', { server: '127.0.0.1:9', username: user, password });
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('REGISTRY_UNAVAILABLE');
    expect(outcome.ok ? '' : outcome.error.message).toMatch(/^127\.0\.0\.1:9 is not reachable from the engine \(.*connection refused.*\)\.$/);
    expect(await readConfig()).toEqual({ keep: { me: true } });
  });

  it('a login by Berth is written where the CLI reads it, keeps other fields, and docker pull uses it', async () => {
    await resetStore({ keep: { me: true }, auths: { 'other.example.com': { auth: Buffer.from('a:b').toString('base64') } } });
    const result = await berth.call<LoginResult>('registries.login', { server: registry.host, username: user, password });
    expect(result).toEqual({ server: registry.host, username: user, status: 'Login Succeeded', commandLine: `docker login -u ${user} ${registry.host}` });
    const written = await readConfig();
    expect(written.keep).toEqual({ me: true });
    expect((written.auths as Record<string, { auth: string }>)[registry.host]?.auth).toBe(Buffer.from(`${user}:${password}`).toString('base64'));
    const listed = await berth.call<RegistryLogin[]>('registries.list', {});
    expect(listed).toEqual([
      { server: registry.host, username: user, store: 'file' },
      { server: 'other.example.com', username: 'a', store: 'file' },
    ]);
    await dockerCli(['image', 'rm', '-f', imageRef]);
    const cliPull = await dockerCli(['pull', imageRef]);
    expect(cliPull.code, cliPull.stderr).toBe(0);
  });

  it('a login by the CLI is used by Berth; logout by Berth logs the CLI out too', async () => {
    await resetStore();
    await cliLogin(password);
    await dockerCli(['image', 'rm', '-f', imageRef]);
    const task = await pull(imageRef);
    expect(task.phase, JSON.stringify(task.error)).toBe('done');
    expect(await berth.call('registries.logout', { server: registry.host })).toEqual({
      server: registry.host,
      removed: true,
      commandLine: `docker logout ${registry.host}`,
    });
    expect(await berth.call('registries.list', {})).toEqual([]);
    await dockerCli(['image', 'rm', '-f', imageRef]);
    const cliPull = await dockerCli(['pull', imageRef]);
    expect(cliPull.code).not.toBe(0);
    expect(await berth.call('registries.logout', { server: registry.host })).toMatchObject({ removed: false });
  });

  it('a stored login the registry refuses says so, differently from no login', async () => {
    await resetStore({ auths: { [registry.host]: { auth: Buffer.from(`${user}:stale`).toString('base64') } } });
    const task = await pull(imageRef);
    expect(task.error?.code).toBe('UNAUTHORIZED');
    expect(task.error?.message).toBe(`The registry ${registry.host} refused the stored login for ${imageRef}: log in again with a user allowed to pull it.`);
  });

  it('push with the login, then docker pull gives back the same digest', async () => {
    await resetStore();
    await berth.call('registries.login', { server: registry.host, username: user, password });
    const pushed = `${registry.host}/berth-test/pushed:1`;
    await berth.call('images.tag', { source: testImage, repository: `${registry.host}/berth-test/pushed`, tag: '1' });
    const { taskId } = await berth.call<{ taskId: string }>('images.push', { reference: pushed });
    const task = await berth.settled(taskId);
    expect(task.phase, JSON.stringify(task.error)).toBe('done');
    expect(task.commandLine).toBe(`docker push ${pushed}`);
    expect(task.layers.length).toBeGreaterThan(0);
    expect(task.layers.every((l) => ['pushed', 'exists', 'mounted'].includes(l.phase))).toBe(true);
    await dockerCli(['image', 'rm', '-f', pushed]);
    const cliPull = await dockerCli(['pull', pushed]);
    expect(cliPull.code, cliPull.stderr).toBe(0);
    expect(cliPull.stdout).toContain(`Digest: ${task.result?.digest}`);
  });

  it('push of an image that is not there is NOT_FOUND', async () => {
    const { taskId } = await berth.call<{ taskId: string }>('images.push', { reference: `${registry.host}/berth-test/absent:1` });
    const task = await berth.settled(taskId);
    expect(task.error?.code).toBe('NOT_FOUND');
  });

  it('tag suggestions come from the registry with the stored login, and say why when there are none', async () => {
    await resetStore();
    const anonymous = await berth.call<TagSuggestions>('registries.tags', { repository: `${registry.host}/berth-test/private` });
    expect(anonymous.tags).toEqual([]);
    expect(anonymous.unavailable).toBe('The registry wants a login to list tags.');
    await berth.call('registries.login', { server: registry.host, username: user, password });
    const tags = await berth.call<TagSuggestions>('registries.tags', { repository: `${registry.host}/berth-test/private` });
    expect(tags).toEqual({ repository: `${registry.host}/berth-test/private`, tags: ['1'] });
    const unknown = await berth.call<TagSuggestions>('registries.tags', { repository: `${registry.host}/berth-test/nothing` });
    expect(unknown.tags).toEqual([]);
    expect(unknown.unavailable).toBeDefined();
    const unreachable = await berth.call<TagSuggestions>('registries.tags', { repository: '127.0.0.1:9/berth-test/x' });
    expect(unreachable.unavailable).toMatch(/^The registry did not answer/);
  });
});

describe('logins in a credential helper', () => {
  it('credsStore: Berth stores through the helper, the CLI uses it, list and logout work', async () => {
    await resetStore({ credsStore: 'berthtest', keep: 1 });
    await berth.call('registries.login', { server: registry.host, username: user, password });
    const stored = JSON.parse(await readFile(helper.storeFile, 'utf8')) as Record<string, { Username: string }>;
    expect(stored[registry.host]?.Username).toBe(user);
    expect(await readConfig()).toEqual({ credsStore: 'berthtest', keep: 1, auths: { [registry.host]: {} } });
    expect(await berth.call('registries.list', {})).toEqual([{ server: registry.host, username: user, store: 'credsStore', helper: 'berthtest' }]);
    await dockerCli(['image', 'rm', '-f', imageRef]);
    const cliPull = await dockerCli(['pull', imageRef]);
    expect(cliPull.code, cliPull.stderr).toBe(0);
    expect(await berth.call('registries.logout', { server: registry.host })).toMatchObject({ removed: true });
    expect(JSON.parse(await readFile(helper.storeFile, 'utf8'))).toEqual({});
  });

  it('credHelpers: a login by the CLI through the helper is used by Berth', async () => {
    await resetStore({ credHelpers: { [registry.host]: 'berthtest' } });
    await cliLogin(password);
    expect(await berth.call('registries.list', {})).toEqual([{ server: registry.host, username: user, store: 'credHelper', helper: 'berthtest' }]);
    await dockerCli(['image', 'rm', '-f', imageRef]);
    const task = await pull(imageRef);
    expect(task.phase, JSON.stringify(task.error)).toBe('done');
  });

  it('a helper that is not installed is a plain error', async () => {
    await resetStore({ credsStore: 'berth-not-installed' });
    const outcome = await berth.invoke('registries.login', { server: registry.host, username: user, password });
    expect(outcome.ok ? 'ok' : outcome.error.message).toBe(
      'The login to 127.0.0.1:' +
        registry.port +
        ' was accepted but could not be stored: The credential helper docker-credential-berth-not-installed named in the docker config is not on PATH.',
    );
  });

  it('a config file that is not JSON is refused, not overwritten', async () => {
    await writeFile(configFile(), '{ not json');
    const outcome = await berth.invoke('registries.list', {});
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('INVALID_INPUT');
    expect(await readFile(configFile(), 'utf8')).toBe('{ not json');
  });
});

describe('password hygiene', () => {
  it('no result, frame, error, log line or printed output holds the password', () => {
    const everything = [...berth.transcript, ...output].join('\n');
    expect(berth.transcript.length).toBeGreaterThan(10);
    expect(everything.includes(password)).toBe(false);
    expect(everything.includes(Buffer.from(`${user}:${password}`).toString('base64'))).toBe(false);
  });
});
