import type Docker from 'dockerode';
import { isRegistryUnreachable } from './registry-errors';
import { dockerCommandFor } from '../../../shared/cli/docker-command';
import { BerthError } from '../../../shared/errors';
import type { LoginResult, LogoutResult, RegistryLogin } from '../../../shared/types/registries';
import { toBerthError } from '../core/errors';
import { credentialKey, eraseCredentials, listLogins, storeCredentials } from './credentials';

export interface LoginInput {
  server: string;
  username: string;
  password: string;
}

interface AuthAnswer {
  Status?: string;
  IdentityToken?: string;
}

/** Replaces every occurrence of the secret, in case an engine or helper echoed it. */
function scrub(text: string, secret: string): string {
  return secret.length >= 1 ? text.split(secret).join('••••') : text;
}

function checkWithEngine(docker: Docker, input: LoginInput, server: string): Promise<AuthAnswer> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: '/auth',
        method: 'POST',
        options: { username: input.username, password: input.password, serveraddress: server },
        statusCodes: { 200: true, 204: true, 401: 'unauthorized', 403: 'forbidden', 500: 'server error' },
      },
      (err, data) => (err ? reject(err) : resolve((data ?? {}) as AuthAnswer)),
    );
  });
}

/**
 * `docker login`: the engine checks the login against the registry (POST /auth), then it is stored
 * where the CLI stores it. A refused login changes nothing. No message carries the password.
 */
export async function login(docker: Docker, input: LoginInput): Promise<LoginResult> {
  const server = credentialKey(input.server);
  const username = input.username.trim();
  const shown = server === credentialKey('docker.io') ? 'Docker Hub' : server;
  let answer: AuthAnswer;
  try {
    answer = await checkWithEngine(docker, { ...input, username }, server);
  } catch (err) {
    const mapped = toBerthError(err);
    const said = scrub(mapped.message, input.password);
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 401 || /unauthorized|incorrect username or password|authentication required|status: 401/i.test(said)) {
      throw new BerthError('UNAUTHORIZED', `${shown} did not accept that user name and password.`);
    }
    if (mapped.code === 'ENGINE_UNAVAILABLE') throw new BerthError(mapped.code, said);
    if (isRegistryUnreachable(said))
      throw new BerthError('REGISTRY_UNAVAILABLE', `${shown} is not reachable from the engine (${said.replace(/^the engine said( \(\d+\))?: /, '')}).`);
    throw new BerthError('INTERNAL', `Could not log in to ${shown}: ${said.replace(/^the engine said( \(\d+\))?: /, '')}`);
  }
  const token = answer.IdentityToken?.trim();
  try {
    await storeCredentials(server, token ? { username, identityToken: token } : { username, password: input.password });
  } catch (err) {
    const mapped = toBerthError(err);
    throw new BerthError(mapped.code, `The login to ${shown} was accepted but could not be stored: ${scrub(mapped.message, input.password)}`);
  }
  return {
    server,
    username,
    status: answer.Status?.trim() || 'Login Succeeded',
    commandLine: dockerCommandFor('registries.login', { server: input.server, username, password: '' }),
  };
}

/** `docker logout SERVER`. */
export async function logout(server: string): Promise<LogoutResult> {
  const key = credentialKey(server);
  const removed = await eraseCredentials(key);
  return { server: key, removed, commandLine: dockerCommandFor('registries.logout', { server }) };
}

export function logins(): Promise<RegistryLogin[]> {
  return listLogins();
}
