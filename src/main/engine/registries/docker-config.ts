import { readFile, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BerthError } from '../../../shared/errors';
import { writeFileAtomic } from '../../settings/atomic-file';

/**
 * The docker CLI's config file, `$DOCKER_CONFIG/config.json` (default `~/.docker/config.json`), read
 * and written as a whole JSON object so every field Berth does not know survives a write.
 */

export type DockerConfig = Record<string, unknown>;

export interface AuthEntry {
  auth?: string;
  identitytoken?: string;
  [key: string]: unknown;
}

function dockerConfigFile(): string {
  const dir = process.env.DOCKER_CONFIG?.trim() || path.join(os.homedir(), '.docker');
  return path.join(dir, 'config.json');
}

export async function readDockerConfig(): Promise<DockerConfig> {
  const file = dockerConfigFile();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    throw new BerthError('INTERNAL', `Could not read the docker config ${file} (${code ?? 'error'}).`);
  }
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Never rewrite a file we could not read: the user's other settings are in it.
    throw new BerthError('INVALID_INPUT', `The docker config ${file} is not valid JSON; fix it (or move it away) and try again.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BerthError('INVALID_INPUT', `The docker config ${file} is not a JSON object.`);
  }
  return parsed as DockerConfig;
}

export async function writeDockerConfig(config: DockerConfig): Promise<void> {
  // A symlinked config (dotfiles repos) is written where it points, as the CLI does, not replaced.
  const file = dockerConfigFile();
  const target = await realpath(file).catch(() => file);
  await writeFileAtomic(target, `${JSON.stringify(config, null, '\t')}\n`);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function authEntries(config: DockerConfig): Record<string, AuthEntry> {
  const auths = config.auths;
  if (!isRecord(auths)) return {};
  const entries: Record<string, AuthEntry> = {};
  for (const [server, entry] of Object.entries(auths)) if (isRecord(entry)) entries[server] = entry as AuthEntry;
  return entries;
}

export function credsStore(config: DockerConfig): string | undefined {
  return typeof config.credsStore === 'string' && config.credsStore.trim() !== '' ? config.credsStore.trim() : undefined;
}

export function credHelpers(config: DockerConfig): Record<string, string> {
  const helpers = config.credHelpers;
  if (!isRecord(helpers)) return {};
  const result: Record<string, string> = {};
  for (const [server, name] of Object.entries(helpers)) if (typeof name === 'string' && name.trim() !== '') result[server] = name.trim();
  return result;
}

/** `user:password` from an `auth` entry; undefined when it is not one. */
export function decodeAuth(auth: string): { username: string; password: string } | undefined {
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

export function encodeAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
