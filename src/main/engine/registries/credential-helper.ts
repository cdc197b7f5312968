import { execFile } from 'node:child_process';
import { z } from 'zod';
import { BerthError } from '../../../shared/errors';

/**
 * The docker CLI's credential-helper protocol: `docker-credential-NAME get|store|erase|list`, the
 * server (or a JSON record) on stdin, JSON on stdout. A helper that has nothing for a server says
 * "credentials not found" and exits non-zero; that is an absence, not a failure.
 */

const HELPER_TIMEOUT_MS = 20_000;
const MAX_OUTPUT = 1024 * 1024;
const NOT_FOUND = /credentials not found/i;

export interface HelperCredentials {
  username: string;
  secret: string;
}

const getAnswer = z.object({ Username: z.string().default(''), Secret: z.string().default('') }).passthrough();
const listAnswer = z.record(z.string(), z.string());

const helperProgram = (name: string): string => `docker-credential-${name}`;

interface HelperRun {
  stdout: string;
  failed: boolean;
  /** What the helper said when it failed, for a plain message (never holds what was sent to it). */
  said: string;
}

function runHelper(name: string, action: 'get' | 'store' | 'erase' | 'list', input: string): Promise<HelperRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(helperProgram(name), [action], { timeout: HELPER_TIMEOUT_MS, maxBuffer: MAX_OUTPUT }, (err, stdout, stderr) => {
      const errno = (err as NodeJS.ErrnoException | null)?.code;
      if (errno === 'ENOENT' || errno === 'EACCES') {
        reject(new BerthError('NOT_FOUND', `The credential helper ${helperProgram(name)} named in the docker config is not on PATH.`));
        return;
      }
      const said = `${String(stdout)} ${String(stderr)}`.trim().slice(0, 300);
      resolve({ stdout: String(stdout), failed: err !== null, said });
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

function helperFailure(name: string, action: string, said: string): BerthError {
  return new BerthError('INTERNAL', `The credential helper ${helperProgram(name)} could not ${action} the login${said ? `: ${said}` : '.'}`);
}

/** The login the helper holds for `server`, or undefined when it has none. */
export async function helperGet(name: string, server: string): Promise<HelperCredentials | undefined> {
  const run = await runHelper(name, 'get', server);
  if (run.failed) {
    if (NOT_FOUND.test(run.said)) return undefined;
    throw helperFailure(name, 'read', run.said);
  }
  let parsed: z.infer<typeof getAnswer>;
  try {
    parsed = getAnswer.parse(JSON.parse(run.stdout));
  } catch {
    throw new BerthError('INTERNAL', `The credential helper ${helperProgram(name)} answered something that is not a login.`);
  }
  if (parsed.Username === '' && parsed.Secret === '') return undefined;
  return { username: parsed.Username, secret: parsed.Secret };
}

export async function helperStore(name: string, server: string, credentials: HelperCredentials): Promise<void> {
  const record = JSON.stringify({ ServerURL: server, Username: credentials.username, Secret: credentials.secret });
  const run = await runHelper(name, 'store', record);
  // The helper's words may echo its input: say only that it failed.
  if (run.failed) throw helperFailure(name, 'store', '');
}

/** True when the helper held a login for `server` and removed it. */
export async function helperErase(name: string, server: string): Promise<boolean> {
  const run = await runHelper(name, 'erase', server);
  if (!run.failed) return true;
  if (NOT_FOUND.test(run.said)) return false;
  throw helperFailure(name, 'remove', run.said);
}

/** Server -> user name for every login the helper holds. */
export async function helperList(name: string): Promise<Record<string, string>> {
  const run = await runHelper(name, 'list', '');
  if (run.failed) throw helperFailure(name, 'list', run.said);
  try {
    return listAnswer.parse(JSON.parse(run.stdout || '{}'));
  } catch {
    throw new BerthError('INTERNAL', `The credential helper ${helperProgram(name)} answered something that is not a list of logins.`);
  }
}
