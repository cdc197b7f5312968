import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { contextNameProblem, DEFAULT_CONTEXT } from '../../../shared/engines/engine-address';
import { BerthError } from '../../../shared/errors';

/**
 * The docker CLI's context store, read and written in its own format so that `docker context ls`
 * and Berth list the same engines (docker/cli cli/context/store):
 *   $DOCKER_CONFIG/contexts/meta/<sha256(name)>/meta.json   name, description, endpoints
 *   $DOCKER_CONFIG/contexts/tls/<sha256(name)>/docker/      ca.pem, cert.pem, key.pem
 * and `currentContext` in $DOCKER_CONFIG/config.json.
 */

/** A metadata field marking the contexts Berth created (the CLI keeps fields it does not know). */
const ADDED_BY_BERTH = 'BerthAdded';
const TLS_FILES = { ca: 'ca.pem', cert: 'cert.pem', key: 'key.pem' } as const;

/** PEM texts of a context's TLS material (absent ones left out). */
export interface ContextTlsData {
  ca?: string;
  cert?: string;
  key?: string;
}

export interface DockerContext {
  name: string;
  description: string;
  /** The docker endpoint's host: `unix://…`, `tcp://…`, `ssh://…`, `npipe://…`. */
  host: string;
  skipTlsVerify: boolean;
  tls: ContextTlsData;
  /** Created by Berth's "Add engine" (still an ordinary context). */
  addedByBerth: boolean;
}

const metaSchema = z.object({
  Name: z.string(),
  Metadata: z.object({ Description: z.string().optional(), [ADDED_BY_BERTH]: z.boolean().optional() }).nullish(),
  Endpoints: z.record(z.string(), z.object({ Host: z.string().optional(), SkipTLSVerify: z.boolean().optional() })).nullish(),
});

const configSchema = z.object({ currentContext: z.string().optional() });

/** `$DOCKER_CONFIG`, else `~/.docker`, as the CLI finds its configuration. */
export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG?.trim() || path.join(os.homedir(), '.docker');
}

const contextDirName = (name: string): string => createHash('sha256').update(name).digest('hex');
const metaRoot = (configDir: string): string => path.join(configDir, 'contexts', 'meta');
const tlsRoot = (configDir: string): string => path.join(configDir, 'contexts', 'tls');

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/**
 * Every stored context with a docker endpoint, sorted by name. A context whose meta.json cannot
 * be read is left out and named in `problems` (one bad file must not hide the others).
 */
export async function readContexts(configDir: string): Promise<{ contexts: DockerContext[]; problems: string[] }> {
  const root = metaRoot(configDir);
  const entries = await readdir(root, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  const contexts: DockerContext[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const read = readContextDirSync(configDir, entry.name);
    if (read === 'damaged') problems.push(`${path.join(root, entry.name, 'meta.json')} is not a docker context's metadata.`);
    else if (read) contexts.push(read);
  }
  contexts.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return { contexts, problems };
}

/**
 * The context the CLI would use, as docker/cli's resolveContextName decides: DOCKER_HOST wins
 * (the default context), then DOCKER_CONTEXT, then config.json's currentContext. Read at once
 * (one small file): Berth decides at start which engine a call without `engine` goes to.
 */
export function currentContextName(env: NodeJS.ProcessEnv, configDir: string): string {
  if (env.DOCKER_HOST?.trim()) return DEFAULT_CONTEXT;
  if (env.DOCKER_CONTEXT?.trim()) return env.DOCKER_CONTEXT.trim();
  try {
    return configSchema.parse(JSON.parse(readFileSync(path.join(configDir, 'config.json'), 'utf8'))).currentContext || DEFAULT_CONTEXT;
  } catch {
    return DEFAULT_CONTEXT;
  }
}

/** Writes `content` beside `file` and renames it over, so a reader never sees half a file. */
async function writeAtomic(file: string, content: string, mode: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, content, { mode });
  await rename(temp, file);
}

/**
 * Stores a new context as `docker context create NAME --docker host=…,ca=…,cert=…,key=…` would.
 * Refuses a name that is invalid or taken.
 */
export async function createContext(
  configDir: string,
  context: { name: string; description?: string; host: string; skipTlsVerify?: boolean; tls?: ContextTlsData },
): Promise<void> {
  const problem = contextNameProblem(context.name);
  if (problem) throw new BerthError('INVALID_INPUT', problem);
  const dir = path.join(metaRoot(configDir), contextDirName(context.name));
  if ((await readIfPresent(path.join(dir, 'meta.json'))) !== undefined) {
    throw new BerthError('CONFLICT', `A docker context named ${context.name} already exists.`);
  }
  const meta = {
    Name: context.name,
    Metadata: { Description: context.description ?? '', [ADDED_BY_BERTH]: true },
    Endpoints: { docker: { Host: context.host, SkipTLSVerify: context.skipTlsVerify ?? false } },
  };
  const tlsDir = path.join(tlsRoot(configDir), contextDirName(context.name), 'docker');
  for (const [key, file] of Object.entries(TLS_FILES) as [keyof ContextTlsData, string][]) {
    const pem = context.tls?.[key];
    if (pem !== undefined) await writeAtomic(path.join(tlsDir, file), pem, 0o600);
  }
  await writeAtomic(path.join(dir, 'meta.json'), JSON.stringify(meta), 0o644);
}

/** `docker context rm NAME`: its metadata and TLS files. Refuses the default context. */
export async function removeContext(configDir: string, name: string): Promise<void> {
  if (name === DEFAULT_CONTEXT) throw new BerthError('INVALID_INPUT', 'The default context is not stored and cannot be removed.');
  const id = contextDirName(name);
  if ((await readIfPresent(path.join(metaRoot(configDir), id, 'meta.json'))) === undefined) {
    throw new BerthError('NOT_FOUND', `There is no docker context named ${name}.`);
  }
  await rm(path.join(tlsRoot(configDir), id), { recursive: true, force: true });
  await rm(path.join(metaRoot(configDir), id), { recursive: true, force: true });
}

/**
 * Renames a stored context, which the docker CLI cannot do: a copy under the new name (its
 * metadata as stored, fields Berth does not know kept; its TLS files), then the old one removed,
 * and config.json's currentContext moved along when it named the old one.
 */
export async function renameContext(configDir: string, from: string, to: string): Promise<void> {
  const problem = contextNameProblem(to);
  if (problem) throw new BerthError('INVALID_INPUT', problem);
  if (from === DEFAULT_CONTEXT) throw new BerthError('INVALID_INPUT', 'The default context is not stored and cannot be renamed.');
  const fromDir = path.join(metaRoot(configDir), contextDirName(from));
  const text = await readIfPresent(path.join(fromDir, 'meta.json'));
  if (text === undefined) throw new BerthError('NOT_FOUND', `There is no docker context named ${from}.`);
  if (from === to) return;
  const toDir = path.join(metaRoot(configDir), contextDirName(to));
  if ((await readIfPresent(path.join(toDir, 'meta.json'))) !== undefined) throw new BerthError('CONFLICT', `A docker context named ${to} already exists.`);
  let meta: Record<string, unknown>;
  try {
    meta = z.record(z.string(), z.unknown()).parse(JSON.parse(text));
  } catch {
    throw new BerthError('INVALID_INPUT', `The context ${from} cannot be read, so it is not renamed.`);
  }
  const fromTls = path.join(tlsRoot(configDir), contextDirName(from));
  await cp(fromTls, path.join(tlsRoot(configDir), contextDirName(to)), { recursive: true, errorOnExist: true, force: false }).catch(
    (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    },
  );
  // The new metadata last: until it exists the copy is not a context.
  await writeAtomic(path.join(toDir, 'meta.json'), JSON.stringify({ ...meta, Name: to }), 0o644);
  await moveCurrentContext(configDir, from, to);
  await rm(fromTls, { recursive: true, force: true });
  await rm(fromDir, { recursive: true, force: true });
}

/** config.json's currentContext follows a renamed context; every other setting in it is kept. */
async function moveCurrentContext(configDir: string, from: string, to: string): Promise<void> {
  const file = path.join(configDir, 'config.json');
  const text = await readIfPresent(file);
  if (text === undefined) return;
  let config: Record<string, unknown>;
  try {
    config = z.record(z.string(), z.unknown()).parse(JSON.parse(text));
  } catch {
    return;
  }
  if (config.currentContext === from) await writeAtomic(file, JSON.stringify({ ...config, currentContext: to }, null, '\t'), 0o600);
}

/**
 * One stored context, its TLS files read: undefined when the folder holds no context with a docker
 * endpoint, 'damaged' when its meta.json cannot be read. The one reader of the store's files; it
 * reads synchronously because a call naming an engine is routed before anything can wait (a few
 * small files).
 */
function readContextDirSync(configDir: string, dirName: string): DockerContext | 'damaged' | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(metaRoot(configDir), dirName, 'meta.json'), 'utf8');
  } catch {
    return undefined;
  }
  let meta: z.infer<typeof metaSchema>;
  try {
    meta = metaSchema.parse(JSON.parse(text));
  } catch {
    return 'damaged';
  }
  const endpoint = meta.Endpoints?.docker;
  if (!endpoint?.Host) return undefined;
  const dir = path.join(tlsRoot(configDir), dirName, 'docker');
  let present: string[] = [];
  try {
    present = readdirSync(dir);
  } catch {
    // No TLS material.
  }
  const tls: ContextTlsData = {};
  for (const [key, file] of Object.entries(TLS_FILES) as [keyof ContextTlsData, string][])
    if (present.includes(file)) tls[key] = readFileSync(path.join(dir, file), 'utf8');
  return {
    name: meta.Name,
    description: meta.Metadata?.Description ?? '',
    host: endpoint.Host,
    skipTlsVerify: endpoint.SkipTLSVerify ?? false,
    tls,
    addedByBerth: meta.Metadata?.[ADDED_BY_BERTH] === true,
  };
}

/** The stored context named `name`, or undefined when there is none (or it cannot be read). */
export function readContextSync(configDir: string, name: string): DockerContext | undefined {
  const read = readContextDirSync(configDir, contextDirName(name));
  return read && read !== 'damaged' && read.name === name ? read : undefined;
}
