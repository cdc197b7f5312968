import { z } from 'zod';
import { untilToEpochSeconds } from '../containers/prune-until';
import { changeLineProblem } from '../images/change-lines';
import { repositoryProblem, tagProblem } from '../images/reference';

/**
 * Refuses a NUL character in `schema`'s string. Command words, environment, labels and paths reach
 * the engine and the kernel as C strings, where a NUL ends the text: the container would get
 * something else than the form showed, or could not start.
 */
export function noNul<S extends z.ZodType<string>>(schema: S, what: string): S {
  return schema.refine((value) => !value.includes('\0'), `${what}${NUL_REFUSAL_END}`);
}

/** How every `noNul` message ends (the form recognises it to say it in the UI's language). */
export const NUL_REFUSAL_END = ' cannot contain a NUL character.';

/** A container id (full or short hex) or name, as the CLI accepts it. A leading '/' is dropped. */
export const containerRef = z
  .string()
  .trim()
  .transform((value) => value.replace(/^\//, ''))
  .pipe(
    z
      .string()
      .min(1, 'A container id or name is required.')
      .max(256)
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid container id or name.'),
  );

/** Container names as the engine accepts them: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`. */
export const containerName = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'A name must start with a letter or digit and use only letters, digits, _ . -');

/** An image reference (`repo[:tag]`, `repo@digest` or an id). */
export const imageRef = z
  .string()
  .trim()
  .min(1, 'An image is required.')
  .max(512)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.\-/:@]*$/, 'Not a valid image reference.');

export const signalName = z
  .string()
  .trim()
  // Numbers: Linux has 1 to 64 (the engine answers a bare 500 for others).
  .regex(/^(SIG)?[A-Z][A-Z0-9+-]*$|^([1-9]|[1-5][0-9]|6[0-4])$/, 'Not a valid signal (for example SIGTERM, KILL or 9).');

export const timeoutSeconds = z.number().int().min(0).max(3600);

export const absoluteContainerPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => value.startsWith('/'), 'A container path must be absolute.')
  .refine((value) => !value.includes('\0'), 'A path cannot contain a NUL byte.');

export const ipAddress = z.union([z.ipv4(), z.ipv6()], { error: 'Not a valid IP address.' });

export const labelMap = z.record(
  noNul(
    z
      .string()
      .min(1)
      .max(1024)
      .regex(/^[^=\s]+$/, 'A label key cannot contain = or spaces.'),
    'A label key',
  ),
  noNul(z.string().max(4096), 'A label value'),
);

/** A volume's or network's `--driver`: `local`, `bridge`, `macvlan`, … or a plugin's name (`vieux/sshfs:latest`). */
export const driverName = z
  .string()
  .trim()
  .min(1, 'A driver is required.')
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.\-/:]*$/, 'Not a valid driver name.');

/** `-o key=value`: options the driver reads (`type`, `device`, `o` for `local` volumes; `parent` for macvlan). */
export const driverOptions = z
  .record(
    noNul(
      z
        .string()
        .min(1)
        .max(1024)
        .regex(/^[^=\s]+$/, 'A driver option name cannot contain = or spaces.'),
      'A driver option name',
    ),
    noNul(z.string().max(4096), 'A driver option value'),
  )
  .refine((options) => Object.keys(options).length <= 100, 'At most 100 driver options.');

/** A label filter as the engine takes it: `key` (has the label) or `key=value`. */
export const labelFilter = z.string().regex(/^[^=\s]+(=[^\s]*)?$/, 'A label filter is key or key=value.');

/**
 * `until` as `docker … prune --filter until=…` takes it: a Unix time (seconds, fractions allowed),
 * an RFC 3339 date, or a duration back from now (`24h`, `1h30m`, `90s`).
 */
export const pruneUntil = z
  .string()
  .trim()
  .refine(
    (value) => untilToEpochSeconds(value, 0) !== undefined,
    'until is a Unix time, a date such as 2026-12-01T10:00:00Z, or a duration such as 24h or 1h30m.',
  );

/** A prune's filters: `label` (at most 20, each `key` or `key=value`) and what the kind adds. */
export function pruneFilterSchema<Extra extends z.ZodRawShape>(extra: Extra) {
  return z.object({ label: z.array(labelFilter).max(20).default([]), ...extra }).strict();
}

/** One `KEY=value` of a container's or an exec's environment. */
export const envVar = z.object({
  key: noNul(
    z
      .string()
      .min(1)
      .max(1024)
      .regex(/^[^=\s]+$/, 'An environment variable name cannot contain = or spaces.'),
    'An environment variable name',
  ),
  value: noNul(z.string().max(65536), 'An environment variable value'),
});

/** One word of a command or entrypoint (argv). */
export const commandWord = noNul(z.string().max(65536), 'A command word');

// What `docker commit` and `docker import` share: the new image's name, message and config changes.
const refine = (check: (value: string) => string | undefined) => (value: string, ctx: z.RefinementCtx) => {
  const problem = check(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

const repository = z.string().trim().superRefine(refine(repositoryProblem));
const tag = z.string().trim().superRefine(refine(tagProblem));
const changeLine = z.string().max(65536).superRefine(refine(changeLineProblem));
export const imageChanges = z.array(changeLine).max(1000).default([]);
export const imageMessage = noNul(z.string().max(65536), 'A message').optional();

export const imageTarget = { repository: repository.optional(), tag: tag.optional() };
export const tagNeedsRepository = (value: { repository?: string | undefined; tag?: string | undefined }) =>
  value.tag === undefined || value.repository !== undefined;
export const tagNeedsRepositoryMessage = { message: 'A tag needs a repository.', path: ['tag'] };

/** A capability as the engine stores it: `net_admin` -> `CAP_NET_ADMIN`; `all` -> `ALL`. */
export function canonicalCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper === 'ALL' || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
}
