/**
 * Image names as the engine's reference grammar (distribution/reference) accepts them, so a bad
 * name is refused in the form with a plain reason instead of by the engine after a long upload.
 */

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?)`;

const REPOSITORY_PATTERN = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG_PATTERN = /^[\w][\w.-]{0,127}$/;
const MAX_REPOSITORY_LENGTH = 255;

/** Why `value` is not a repository name, or undefined when it is one. */
export function repositoryProblem(value: string): string | undefined {
  if (value === '') return 'A repository name is required.';
  if (value.length > MAX_REPOSITORY_LENGTH) return `A repository name is at most ${MAX_REPOSITORY_LENGTH} characters.`;
  if (/[A-Z]/.test(value.split('/').slice(-1)[0] ?? '')) return 'A repository name must be lowercase.';
  if (!REPOSITORY_PATTERN.test(value)) {
    return 'A repository name is lowercase letters and digits, separated by . _ or -, in parts joined by / (e.g. berth-test/web).';
  }
  return undefined;
}

export function tagProblem(value: string): string | undefined {
  if (!TAG_PATTERN.test(value)) return 'A tag is 1 to 128 letters, digits, _ . or -, and cannot start with . or -.';
  return undefined;
}

/** Splits `repo[:tag]` at the last colon that is not part of a registry port. */
export function splitRepoTag(reference: string): { repository: string; tag?: string } {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (colon > slash) return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { repository: reference };
}

const DIGEST_PATTERN = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

/** A reference `docker pull`/`push` takes, taken apart: `[registry/]path[:tag][@digest]`. */
export interface ParsedReference {
  /** As written, without tag and digest (`nginx`, `127.0.0.1:5000/team/app`). */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits `repo[:tag][@digest]`; undefined parts are absent. Does not validate (see referenceProblem). */
export function parseReference(reference: string): ParsedReference {
  const at = reference.indexOf('@');
  const named = at === -1 ? reference : reference.slice(0, at);
  const digest = at === -1 ? undefined : reference.slice(at + 1);
  const { repository, tag } = splitRepoTag(named);
  return { repository, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** Why `value` is not a reference `docker pull` accepts, or undefined when it is one. */
export function referenceProblem(value: string): string | undefined {
  if (value.trim() === '') return 'An image reference is required (e.g. nginx:1.27 or registry.example.com/team/app@sha256:…).';
  const { repository, tag, digest } = parseReference(value);
  const problem = repositoryProblem(repository) ?? (tag !== undefined ? tagProblem(tag) : undefined);
  if (problem) return problem;
  if (digest !== undefined && !DIGEST_PATTERN.test(digest)) return 'A digest is algorithm:hex, e.g. sha256:0123…';
  return undefined;
}
