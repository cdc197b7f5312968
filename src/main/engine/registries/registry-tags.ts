import http from 'node:http';
import https from 'node:https';
import type { TagSuggestions } from '../../../shared/types/registries';
import { findCredentials, type Credentials } from './credentials';
import { isLoopbackRegistry, referenceParts } from './image-reference';

/**
 * Tag suggestions: `GET /v2/<name>/tags/list` straight from the registry, with the distribution
 * auth flow (a `WWW-Authenticate: Bearer realm=…,service=…` challenge answered by a token from the
 * realm, or Basic with the stored login). Plain HTTP only where the engine uses it by default
 * (loopback registries). Every request is bounded in time and size; any failure is `unavailable`.
 */

const TIMEOUT_MS = 5000;
const MAX_BODY = 1024 * 1024;
const MAX_TAGS = 1000;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(url: URL, authorization: string | undefined): Promise<Answer> {
  const client = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      { headers: { Accept: 'application/json', ...(authorization ? { Authorization: authorization } : {}) }, timeout: TIMEOUT_MS },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY) {
            request.destroy(new Error('the answer is too large'));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer in time')));
    request.on('error', reject);
  });
}

/** `Bearer realm="…",service="…",scope="…"` -> its scheme and parameters. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  for (const match of header.slice(space + 1).matchAll(/([a-zA-Z_]+)="([^"]*)"/g)) params[match[1]!.toLowerCase()] = match[2]!;
  return { scheme, params };
}

const basic = (credentials: Credentials): string => `Basic ${Buffer.from(`${credentials.username}:${credentials.password ?? ''}`).toString('base64')}`;

async function bearerToken(params: Record<string, string>, scope: string, credentials: Credentials | undefined): Promise<string> {
  if (!params.realm) throw new Error('the registry asked for a token without saying where to get one');
  const realm = new URL(params.realm);
  if (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && isLoopbackRegistry(realm.host))) {
    throw new Error('the token service is not on https');
  }
  if (params.service) realm.searchParams.set('service', params.service);
  realm.searchParams.set('scope', params.scope ?? scope);
  const auth = credentials?.password !== undefined ? basic(credentials) : undefined;
  const answer = await get(realm, auth);
  if (answer.status !== 200) throw new Error(`the token service answered ${answer.status}`);
  const parsed = JSON.parse(answer.body) as { token?: unknown; access_token?: unknown };
  const token = typeof parsed.token === 'string' ? parsed.token : typeof parsed.access_token === 'string' ? parsed.access_token : undefined;
  if (!token) throw new Error('the token service gave no token');
  return token;
}

function tagsOf(body: string): string[] {
  const parsed = JSON.parse(body) as { tags?: unknown };
  if (!Array.isArray(parsed.tags)) return [];
  return parsed.tags.filter((tag): tag is string => typeof tag === 'string').slice(0, MAX_TAGS);
}

/** The tags a registry lists for `repository`; never throws. */
export async function registryTags(repository: string): Promise<TagSuggestions> {
  const parts = referenceParts(repository);
  const host = parts.registry === 'docker.io' ? 'registry-1.docker.io' : parts.registry;
  const scheme = isLoopbackRegistry(parts.registry) ? 'http' : 'https';
  const url = new URL(`${scheme}://${host}/v2/${parts.path}/tags/list`);
  try {
    const credentials = await findCredentials(parts.registry).catch(() => undefined);
    let answer = await get(url, undefined);
    if (answer.status === 401) {
      const challenge = parseChallenge(String(answer.headers['www-authenticate'] ?? ''));
      if (challenge.scheme === 'bearer') {
        const token = await bearerToken(challenge.params, `repository:${parts.path}:pull`, credentials);
        answer = await get(url, `Bearer ${token}`);
      } else if (challenge.scheme === 'basic' && credentials?.password !== undefined) {
        answer = await get(url, basic(credentials));
      }
    }
    if (answer.status === 401 || answer.status === 403) return { repository, tags: [], unavailable: 'The registry wants a login to list tags.' };
    if (answer.status === 404) return { repository, tags: [], unavailable: 'The registry does not know this repository.' };
    if (answer.status !== 200) return { repository, tags: [], unavailable: `The registry answered ${answer.status}.` };
    return { repository, tags: tagsOf(answer.body) };
  } catch (err) {
    return { repository, tags: [], unavailable: `The registry did not answer: ${err instanceof Error ? err.message : 'unknown error'}.` };
  }
}
