import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

interface ContextTlsFiles {
  /** Paths of the PEM files the context holds (absent ones left out). */
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
  tls: ContextTlsFiles;
  /** Created by Berth's "Add engine" (still an ordinary context). */
  addedByBerth: boolean;
}

export interface ContextTlsData {
  ca?: string;
  cert?: string;
  key?: string;
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

async function tlsFilesOf(configDir: string, name: string): Promise<ContextTlsFiles> {
  const dir = path.join(tlsRoot(configDir), contextDirName(name), 'docker');
  const present = new Set(await readdir(dir).catch(() => [] as string[]));
  const files: ContextTlsFiles = {};
  for (const [key, file] of Object.entries(TLS_FILES) as [keyof ContextTlsFiles, string][]) if (present.has(file)) files[key] = path.join(dir, file);
  return files;
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
    const file = path.join(root, entry.name, 'meta.json');
    const text = await readIfPresent(file);
    if (text === undefined) continue;
    let meta: z.infer<typeof metaSchema>;
    try {
      meta = metaSchema.parse(JSON.parse(text));
    } catch {
      problems.push(`${file} is not a docker context's metadata.`);
      continue;
    }
    const endpoint = meta.Endpoints?.docker;
    if (!endpoint?.Host) continue;
    contexts.push({
      name: meta.Name,
      description: meta.Metadata?.Description ?? '',
      host: endpoint.Host,
      skipTlsVerify: endpoint.SkipTLSVerify ?? false,
      tls: await tlsFilesOf(configDir, meta.Name),
      addedByBerth: meta.Metadata?.[ADDED_BY_BERTH] === true,
    });
  }
  contexts.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return { contexts, problems };
}

/**
 * The context the CLI would use, as docker/cli's resolveContextName decides: DOCKER_HOST wins
 * (the default context), then DOCKER_CONTEXT, then config.json's currentContext.
 */
export async function currentContextName(env: NodeJS.ProcessEnv, configDir: string): Promise<string> {
  if (env.DOCKER_HOST?.trim()) return DEFAULT_CONTEXT;
  if (env.DOCKER_CONTEXT?.trim()) return env.DOCKER_CONTEXT.trim();
  const text = await readIfPresent(path.join(configDir, 'config.json'));
  if (text === undefined) return DEFAULT_CONTEXT;
  try {
    return configSchema.parse(JSON.parse(text)).currentContext || DEFAULT_CONTEXT;
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
 * One context's endpoint, read at once (a few small files): what a stream for that engine needs
 * before it can open. Undefined when no such context is stored.
 */
export function readContextEndpointSync(
  configDir: string,
  name: string,
): { host: string; skipTlsVerify: boolean; tls: { ca?: string; cert?: string; key?: string } } | undefined {
  const id = contextDirName(name);
  let meta: z.infer<typeof metaSchema>;
  try {
    meta = metaSchema.parse(JSON.parse(readFileSync(path.join(metaRoot(configDir), id, 'meta.json'), 'utf8')));
  } catch {
    return undefined;
  }
  const endpoint = meta.Endpoints?.docker;
  if (meta.Name !== name || !endpoint?.Host) return undefined;
  const dir = path.join(tlsRoot(configDir), id, 'docker');
  let present: string[] = [];
  try {
    present = readdirSync(dir);
  } catch {
    // No TLS material.
  }
  const tls: { ca?: string; cert?: string; key?: string } = {};
  for (const [key, file] of Object.entries(TLS_FILES) as [keyof ContextTlsData, string][])
    if (present.includes(file)) tls[key] = readFileSync(path.join(dir, file), 'utf8');
  return { host: endpoint.Host, skipTlsVerify: endpoint.SkipTLSVerify ?? false, tls };
}
