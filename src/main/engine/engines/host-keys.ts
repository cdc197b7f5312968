import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BerthError } from '../../../shared/errors';
import type { HostKey } from '../../../shared/types/engines';
import type { SshCommand, SshTarget } from './ssh-dial';

/**
 * An ssh engine's host key, asked about before the first connection (ssh itself runs in BatchMode
 * and refuses an unknown key): scanned with ssh-keyscan, shown as the fingerprint `ssh` would
 * show, and added to the user's known_hosts only when the user trusts that fingerprint.
 */

const exec = promisify(execFile);
/** ssh's own preference among the key types a server offers. */
const KEY_TYPES = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'ssh-rsa'];
const SCAN_TIMEOUT_SECONDS = 10;

/** What ssh resolves for the target from the user's ssh config (`ssh -G`): the real host, port and known_hosts files. */
async function resolvedConfig(target: SshTarget, command: SshCommand): Promise<{ hostname: string; port: string; knownHostsFiles: string[]; alias?: string }> {
  const [file, ...leading] = command;
  const args = [...leading, '-G', ...(target.user ? ['-l', target.user] : []), ...(target.port ? ['-p', target.port] : []), '--', target.host];
  const { stdout } = await exec(file, args, { timeout: 10_000 });
  const settings = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) settings.set(line.slice(0, space).toLowerCase(), line.slice(space + 1));
  }
  const expandHome = (file: string) => (file.startsWith('~/') ? path.join(os.homedir(), file.slice(2)) : file);
  const alias = settings.get('hostkeyalias');
  return {
    hostname: settings.get('hostname') ?? target.host,
    port: settings.get('port') ?? target.port ?? '22',
    knownHostsFiles: (settings.get('userknownhostsfile') ?? '~/.ssh/known_hosts').split(' ').filter(Boolean).map(expandHome),
    ...(alias && alias !== 'none' ? { alias } : {}),
  };
}

const fingerprintOf = (base64Key: string): string =>
  `SHA256:${createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('base64').replace(/=+$/, '')}`;

/** The name known_hosts files the key under: `[host]:port` off port 22, as ssh looks it up. */
const knownHostsName = (hostname: string, port: string): string => (port === '22' ? hostname : `[${hostname}]:${port}`);

/** Scans the host's key of the type ssh would use; fails in plain words when nothing answers. */
export async function scanHostKey(target: SshTarget, command: SshCommand): Promise<HostKey & { line: string; knownHostsFile: string }> {
  const config = await resolvedConfig(target, command);
  let stdout: string;
  try {
    ({ stdout } = await exec('ssh-keyscan', ['-T', String(SCAN_TIMEOUT_SECONDS), '-p', config.port, '--', config.hostname], {
      timeout: (SCAN_TIMEOUT_SECONDS + 5) * 1000,
    }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new BerthError('ENGINE_UNAVAILABLE', 'ssh-keyscan is not installed on this computer (it comes with the ssh client).');
    stdout = (err as { stdout?: string }).stdout ?? '';
  }
  const keys = stdout
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.trim().split(/\s+/))
    .filter((fields): fields is [string, string, string] => fields.length >= 3)
    .map(([, type, key]) => ({ type, key }));
  const chosen = KEY_TYPES.map((type) => keys.find((key) => key.type === type)).find(Boolean) ?? keys[0];
  if (!chosen) throw new BerthError('ENGINE_UNAVAILABLE', `No ssh server answered at ${config.hostname} port ${config.port}.`);
  const name = config.alias ?? knownHostsName(config.hostname, config.port);
  const knownHostsFile = config.knownHostsFiles[0]!;
  const known = await readFile(knownHostsFile, 'utf8').then(
    (text) => text.split('\n').some((line) => line.includes(chosen.key)),
    () => false,
  );
  return { host: name, keyType: chosen.type, fingerprint: fingerprintOf(chosen.key), known, line: `${name} ${chosen.type} ${chosen.key}\n`, knownHostsFile };
}

/**
 * Adds the host's key to the user's known_hosts, only if a new scan still shows the fingerprint
 * the user was shown (a key that changed in between is refused, not trusted).
 */
export async function trustHostKey(target: SshTarget, command: SshCommand, fingerprint: string): Promise<HostKey> {
  const scanned = await scanHostKey(target, command);
  if (scanned.fingerprint !== fingerprint) {
    throw new BerthError(
      'CONFLICT',
      `The host key of ${scanned.host} is now ${scanned.fingerprint}, not the ${fingerprint} you were shown. Nothing was trusted.`,
    );
  }
  if (!scanned.known) {
    await mkdir(path.dirname(scanned.knownHostsFile), { recursive: true, mode: 0o700 });
    await appendFile(scanned.knownHostsFile, scanned.line, { mode: 0o600 });
  }
  return { host: scanned.host, keyType: scanned.keyType, fingerprint: scanned.fingerprint, known: true };
}
