import { z } from 'zod';
import { referenceProblem, repositoryProblem, tagProblem } from '../images/reference';
import type {
  ImageHistoryEntry,
  LoginResult,
  LogoutResult,
  RegistryLogin,
  RegistryTask,
  RegistryTaskStart,
  TagResult,
  TagSuggestions,
} from '../types/registries';
import { command, returns, stream } from './define';
import { imageRef } from './schemas';

const refine = (check: (value: string) => string | undefined) => (value: string, ctx: z.RefinementCtx) => {
  const problem = check(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/** What `docker pull`/`push` take: `[registry/]path[:tag][@digest]`. */
const pullReference = z.string().trim().max(512).superRefine(refine(referenceProblem));

/** `os/arch[/variant]`, as `--platform` takes it. */
const platform = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]+\/[a-z0-9_-]+(\/[a-z0-9_.-]+)?$/, 'A platform is os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8.');

/** A registry as the docker CLI keys logins: `host[:port]`, or a URL (Docker Hub's is https://index.docker.io/v1/). */
const registryServer = z
  .string()
  .trim()
  .min(1, 'Name the registry (e.g. registry.example.com or 127.0.0.1:5000).')
  .max(512)
  .regex(/^(https?:\/\/)?[a-zA-Z0-9.-]+(:[0-9]{1,5})?(\/[A-Za-z0-9._/-]*)?$/, 'A registry is host[:port] or a URL, e.g. registry.example.com.');

const taskId = z.string().regex(/^r[0-9a-f]{24}$/, 'Not a pull or push task id.');

export const registryCommands = {
  /** `docker pull REF`: starts a background pull; progress on `images.tasks`. */
  'images.pull': command(z.object({ reference: pullReference, platform: platform.optional() }).strict(), returns<RegistryTaskStart>()),
  /** `docker push REF`: starts a background push; progress on `images.tasks`. */
  'images.push': command(z.object({ reference: pullReference }).strict(), returns<RegistryTaskStart>()),
  /** Stops a pull or push: the engine's request is aborted. */
  'images.cancelTask': command(z.object({ taskId }).strict(), returns<{ cancelled: boolean }>()),
  /** `docker tag SOURCE REPOSITORY[:TAG]`. */
  'images.tag': command(
    z
      .object({
        source: imageRef,
        repository: z.string().trim().superRefine(refine(repositoryProblem)),
        tag: z.string().trim().superRefine(refine(tagProblem)).optional(),
      })
      .strict(),
    returns<TagResult>(),
  ),
  /** `docker image history`. */
  'images.history': command(z.object({ id: imageRef }).strict(), returns<ImageHistoryEntry[]>()),
  /** The tags a registry lists for a repository (`GET /v2/<name>/tags/list`), for suggestions. */
  'registries.tags': command(z.object({ repository: z.string().trim().max(512).superRefine(refine(repositoryProblem)) }).strict(), returns<TagSuggestions>()),
  /** `docker login -u USER --password-stdin SERVER`: checked with the engine, then stored where the CLI stores it. */
  'registries.login': command(
    z
      .object({
        server: registryServer,
        username: z.string().trim().min(1, 'A user name is required.').max(512),
        password: z.string().min(1, 'A password or token is required.').max(16384),
      })
      .strict(),
    returns<LoginResult>(),
  ),
  /** `docker logout SERVER`. */
  'registries.logout': command(z.object({ server: registryServer }).strict(), returns<LogoutResult>()),
  /** The registries the user is logged in to, from the docker CLI's config (servers and user names only). */
  'registries.list': command(z.object({}).strict(), returns<RegistryLogin[]>()),
} as const;

export const registryStreams = {
  /** Every pull and push of this session: the list at once, then on each change (at most ~10 a second). */
  'images.tasks': stream(z.object({}).strict(), returns<RegistryTask[]>()),
} as const;
