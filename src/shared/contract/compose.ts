import { z } from 'zod';
import type { ComposeActionResult, ComposeLogBatch, ComposeProject, ComposeRemoveResult } from '../types/compose';
import { command, returns, stream } from './define';

/**
 * A compose project's name as compose writes it in `com.docker.compose.project` (v2 allows
 * `[a-z0-9][a-z0-9_-]*`; v1 wrote the same after lowercasing); upper case and dots are taken so a
 * project made by an older client can still be named.
 */
const composeProjectName = z
  .string()
  .trim()
  .min(1, 'A project name is required.')
  .max(255, 'A project name can be at most 255 characters.')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'A compose project name uses letters, digits, _ . - and starts with a letter or digit.');

/** Seconds to wait for each container to stop before it is killed; by default each container's own (10 s). */
const stopTimeout = z.number().int().min(0).max(3600).optional();

const byProject = z.object({ project: composeProjectName }).strict();
const stopping = z.object({ project: composeProjectName, timeout: stopTimeout }).strict();

export const composeCommands = {
  /** `docker compose ls --all`, with each project's services and their containers (from the labels compose writes). */
  'compose.list': command(z.object({}).strict(), returns<ComposeProject[]>()),
  /** `docker compose -p NAME start`: every container of the project, dependencies first. */
  'compose.start': command(byProject, returns<ComposeActionResult>()),
  /** `docker compose -p NAME stop`: every container of the project, dependents first. */
  'compose.stop': command(stopping, returns<ComposeActionResult>()),
  /** `docker compose -p NAME restart`: every container of the project. */
  'compose.restart': command(stopping, returns<ComposeActionResult>()),
  /**
   * `docker compose -p NAME down [--volumes]` without the compose file: stops and removes every
   * container of the project and the networks labelled with it; with `volumes`, the volumes
   * labelled with it and the containers' anonymous volumes too.
   */
  'compose.remove': command(
    z.object({ project: composeProjectName, timeout: stopTimeout, volumes: z.boolean().default(false) }).strict(),
    returns<ComposeRemoveResult>(),
  ),
} as const;

export const composeStreams = {
  /**
   * `docker compose -p NAME logs [-f] [--tail N]`: every container's log merged in time order, each
   * line with its service. With follow, until every container of the project has stopped.
   */
  'compose.logs': stream(
    z
      .object({
        project: composeProjectName,
        follow: z.boolean().default(false),
        tail: z.union([z.number().int().min(0).max(100_000), z.literal('all')]).default(500),
      })
      .strict(),
    returns<ComposeLogBatch>(),
    { resumable: true },
  ),
} as const;
