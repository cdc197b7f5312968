import { parseReference } from '../../../shared/images/reference';

/** Where a reference lives and what the engine's pull/push endpoints take for it. */
export interface ReferenceParts {
  /** `docker.io` for Docker Hub, else the `host[:port]` the name starts with. */
  registry: string;
  /** The repository as written, without tag or digest. */
  repository: string;
  /** The path inside the registry (`library/nginx` for the hub's `nginx`). */
  path: string;
  tag?: string;
  digest?: string;
}

const isDomain = (part: string): boolean => part.includes('.') || part.includes(':') || part === 'localhost';

/** Splits a reference the way the engine reads it (`nginx` -> docker.io, library/nginx). */
export function referenceParts(reference: string): ReferenceParts {
  const { repository, tag, digest } = parseReference(reference.trim());
  const slash = repository.indexOf('/');
  const first = slash === -1 ? '' : repository.slice(0, slash);
  const registry = first && isDomain(first) ? first : 'docker.io';
  let path = first && isDomain(first) ? repository.slice(slash + 1) : repository;
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return { registry, repository, path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The reference as the CLI completes it: a name without tag or digest means `:latest`. */
export function withDefaultTag(reference: string): string {
  const parts = referenceParts(reference);
  if (parts.tag === undefined && parts.digest === undefined) return `${parts.repository}:latest`;
  return reference.trim();
}

/** True for registries the engine reaches over plain HTTP by default (127.0.0.0/8, localhost, ::1). */
export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.replace(/:[0-9]+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
