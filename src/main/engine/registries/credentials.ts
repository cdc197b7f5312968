import type { RegistryLogin } from '../../../shared/types/registries';
import { helperErase, helperGet, helperList, helperStore } from './credential-helper';
import { authEntries, credHelpers, credsStore, decodeAuth, encodeAuth, readDockerConfig, writeDockerConfig, type DockerConfig } from './docker-config';

/**
 * Registry logins where the docker CLI keeps them, so a login in either is a login in both: a
 * `credHelpers` entry for the registry, else the `credsStore` helper, else `auths` in the file.
 * A helper store also gets an empty `auths` entry, as the CLI writes one, so the login is listed.
 */

/** Docker Hub's key in the credential store. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** The CLI stores a token login as this user name in a helper. */
const TOKEN_USER = '<token>';

export interface Credentials {
  username: string;
  password?: string;
  /** A token the registry gave at login, used instead of the password. */
  identityToken?: string;
}

/** `host[:port]` of a server as typed (`https://reg.example.com/v2/` -> `reg.example.com`). */
function serverHostname(server: string): string {
  return server
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .split('/')[0]!
    .toLowerCase();
}

/** The key the CLI uses for a server: Docker Hub's URL for the hub, else `host[:port]`. */
export function credentialKey(server: string): string {
  const host = serverHostname(server);
  return host === '' || HUB_HOSTS.has(host) ? DOCKER_HUB_KEY : host;
}

type Store = { kind: 'file' } | { kind: 'credsStore' | 'credHelper'; helper: string };

function storeFor(config: DockerConfig, key: string): Store {
  const helpers = credHelpers(config);
  const named = helpers[key] ?? helpers[serverHostname(key)];
  if (named) return { kind: 'credHelper', helper: named };
  const store = credsStore(config);
  return store ? { kind: 'credsStore', helper: store } : { kind: 'file' };
}

/** The auths entry for `key`, by exact key or by host name as the CLI's file store matches. */
function fileEntryKey(config: DockerConfig, key: string): string | undefined {
  const entries = authEntries(config);
  if (entries[key]) return key;
  const host = serverHostname(key);
  return Object.keys(entries).find((candidate) => credentialKey(candidate) === credentialKey(host));
}

/** The stored login for a server (any spelling), or undefined when there is none. */
export async function findCredentials(server: string): Promise<Credentials | undefined> {
  const key = credentialKey(server);
  const config = await readDockerConfig();
  const store = storeFor(config, key);
  if (store.kind !== 'file') {
    const found = await helperGet(store.helper, key);
    if (!found) return undefined;
    if (found.username === TOKEN_USER) return { username: '', identityToken: found.secret };
    return { username: found.username, password: found.secret };
  }
  const entryKey = fileEntryKey(config, key);
  const entry = entryKey ? authEntries(config)[entryKey] : undefined;
  if (!entry) return undefined;
  const decoded = typeof entry.auth === 'string' ? decodeAuth(entry.auth) : undefined;
  const identityToken = typeof entry.identitytoken === 'string' && entry.identitytoken !== '' ? entry.identitytoken : undefined;
  if (!decoded && !identityToken) return undefined;
  return {
    username: decoded?.username ?? '',
    ...(identityToken ? { identityToken } : { password: decoded?.password ?? '' }),
  };
}

/** Stores a login (checked by the caller) where the CLI would; returns where it went. */
export async function storeCredentials(server: string, credentials: Credentials): Promise<Store['kind']> {
  const key = credentialKey(server);
  const config = await readDockerConfig();
  const store = storeFor(config, key);
  const auths = authEntries(config);
  if (store.kind !== 'file') {
    const secret = credentials.identityToken ?? credentials.password ?? '';
    const username = credentials.identityToken ? TOKEN_USER : credentials.username;
    await helperStore(store.helper, key, { username, secret });
    auths[key] = {};
  } else {
    auths[key] = {
      auth: encodeAuth(credentials.username, credentials.identityToken ? '' : (credentials.password ?? '')),
      ...(credentials.identityToken ? { identitytoken: credentials.identityToken } : {}),
    };
  }
  await writeDockerConfig({ ...config, auths });
  return store.kind;
}

/** `docker logout`: removes the login from its store and the file; false when there was none. */
export async function eraseCredentials(server: string): Promise<boolean> {
  const key = credentialKey(server);
  const config = await readDockerConfig();
  const store = storeFor(config, key);
  let removed = false;
  if (store.kind !== 'file') removed = await helperErase(store.helper, key);
  const auths = authEntries(config);
  const entryKey = fileEntryKey(config, key);
  if (entryKey) {
    const entry = auths[entryKey];
    removed ||= Boolean(entry && (entry.auth || entry.identitytoken));
    delete auths[entryKey];
    await writeDockerConfig({ ...config, auths });
  }
  return removed;
}

/** Every login the CLI's config knows: servers and user names, never a secret. */
export async function listLogins(): Promise<RegistryLogin[]> {
  const config = await readDockerConfig();
  const logins = new Map<string, RegistryLogin>();
  const store = credsStore(config);
  for (const [server, entry] of Object.entries(authEntries(config))) {
    const kind = storeFor(config, server);
    if (kind.kind === 'file') {
      const decoded = typeof entry.auth === 'string' ? decodeAuth(entry.auth) : undefined;
      if (!decoded && !entry.identitytoken) continue;
      logins.set(server, { server, ...(decoded?.username ? { username: decoded.username } : {}), store: 'file' });
    }
  }
  if (store) {
    for (const [server, username] of Object.entries(await helperList(store))) {
      if (storeFor(config, server).kind !== 'credsStore') continue;
      logins.set(server, { server, ...(username && username !== TOKEN_USER ? { username } : {}), store: 'credsStore', helper: store });
    }
  }
  for (const [server, helper] of Object.entries(credHelpers(config))) {
    const found = await helperGet(helper, server).catch(() => undefined);
    if (!found) continue;
    logins.set(server, { server, ...(found.username !== TOKEN_USER ? { username: found.username } : {}), store: 'credHelper', helper });
  }
  return [...logins.values()].sort((a, b) => a.server.localeCompare(b.server));
}

/** X-Registry-Auth for the engine: base64url JSON as the CLI sends it (`{}` when there is no login). */
export function registryAuthHeader(server: string, credentials: Credentials | undefined): string {
  const body = credentials
    ? {
        username: credentials.username,
        ...(credentials.identityToken ? { identitytoken: credentials.identityToken } : { password: credentials.password ?? '' }),
        serveraddress: credentialKey(server),
      }
    : {};
  // URL-safe base64 with padding, as the CLI sends it (the engine refuses it unpadded).
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}
