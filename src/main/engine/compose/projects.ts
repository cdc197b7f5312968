// `docker compose ls` and the whole-project actions (start, stop, restart, down) without the compose
// file: every container labelled with the project, in dependency order where compose wrote one.
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { ComposeActionResult, ComposeFailure, ComposeProject, ComposeRemoveResult } from '../../../shared/types/compose';
import { engineCall, toBerthError } from '../core/errors';
import { dependenciesOf, memberOf, PROJECT_LABEL, projectFilter, projectsFrom, type ProjectMember } from './labels';

export async function listProjects(docker: Docker): Promise<ComposeProject[]> {
  const infos = await engineCall(() => docker.listContainers({ all: true, filters: { label: [PROJECT_LABEL] } }), { action: 'list compose projects' });
  return projectsFrom(infos);
}

export async function membersOf(docker: Docker, project: string): Promise<ProjectMember[]> {
  const infos = await engineCall(() => docker.listContainers({ all: true, filters: projectFilter(project) }), {
    action: `list the containers of compose project ${project}`,
  });
  return infos.map(memberOf).sort((a, b) => a.name.localeCompare(b.name));
}

function noSuchProject(project: string): BerthError {
  return new BerthError('NOT_FOUND', `No compose project named ${project} on this engine: no container carries the label ${PROJECT_LABEL}=${project}.`);
}

/**
 * The project's containers in waves: a service's wave comes after the waves of the services it
 * depends on. Without dependencies (compose v1 writes none) everything is one wave. A cycle or a
 * dependency on a service with no container does not hold anything back.
 */
export function startWaves(members: readonly ProjectMember[]): ProjectMember[][] {
  const services = new Set(members.map((m) => m.service));
  const needs = new Map<string, Set<string>>();
  for (const member of members) {
    const set = needs.get(member.service) ?? new Set<string>();
    for (const dependency of dependenciesOf(member)) if (services.has(dependency) && dependency !== member.service) set.add(dependency);
    needs.set(member.service, set);
  }
  const waves: ProjectMember[][] = [];
  const placed = new Set<string>();
  while (placed.size < services.size) {
    let ready = [...services].filter((s) => !placed.has(s) && [...(needs.get(s) ?? [])].every((d) => placed.has(d)));
    if (ready.length === 0) ready = [...services].filter((s) => !placed.has(s));
    for (const service of ready) placed.add(service);
    waves.push(members.filter((m) => ready.includes(m.service)));
  }
  return waves;
}

/** 304 "already started/stopped" is what the user asked for, not a failure. */
const alreadyThere = (err: unknown): boolean => (err as { statusCode?: number }).statusCode === 304;

type Act = (member: ProjectMember) => Promise<unknown>;

/** Runs `act` on each wave's containers at once, one wave after the other; failures are collected, never thrown. */
async function actInWaves(waves: readonly ProjectMember[][], verb: string, act: Act): Promise<{ done: string[]; failures: ComposeFailure[] }> {
  const done: string[] = [];
  const failures: ComposeFailure[] = [];
  for (const wave of waves) {
    await Promise.all(
      wave.map(async (member) => {
        try {
          await act(member);
          done.push(member.name);
        } catch (err) {
          if (alreadyThere(err)) return void done.push(member.name);
          const { message } = toBerthError(err, { action: `${verb} ${member.name}` });
          failures.push({ kind: 'container', name: member.name, service: member.service, message });
        }
      }),
    );
  }
  return { done, failures };
}

async function required(docker: Docker, project: string): Promise<ProjectMember[]> {
  const members = await membersOf(docker, project);
  if (members.length === 0) throw noSuchProject(project);
  return members;
}

const stopOptions = (timeout: number | undefined): { t?: number } => (timeout === undefined ? {} : { t: timeout });

export async function startProject(docker: Docker, project: string): Promise<ComposeActionResult> {
  const waves = startWaves(await required(docker, project));
  return { project, ...(await actInWaves(waves, 'start', (m) => docker.getContainer(m.id).start())) };
}

export async function stopProject(docker: Docker, project: string, timeout?: number): Promise<ComposeActionResult> {
  const waves = startWaves(await required(docker, project)).reverse();
  return { project, ...(await actInWaves(waves, 'stop', (m) => docker.getContainer(m.id).stop(stopOptions(timeout)))) };
}

export async function restartProject(docker: Docker, project: string, timeout?: number): Promise<ComposeActionResult> {
  const waves = startWaves(await required(docker, project));
  return { project, ...(await actInWaves(waves, 'restart', (m) => docker.getContainer(m.id).restart(stopOptions(timeout)))) };
}

/** Removes each named object; a failure (a network another container still uses) is reported, not thrown. */
async function removeEach(
  kind: 'network' | 'volume',
  names: readonly string[],
  remove: (name: string) => Promise<unknown>,
): Promise<{ removed: string[]; failures: ComposeFailure[] }> {
  const removed: string[] = [];
  const failures: ComposeFailure[] = [];
  for (const name of names) {
    try {
      await remove(name);
      removed.push(name);
    } catch (err) {
      const mapped = toBerthError(err, { action: `remove ${kind} ${name}` });
      if (mapped.code === 'NOT_FOUND') continue;
      failures.push({ kind, name, message: mapped.message });
    }
  }
  return { removed, failures };
}

/**
 * `docker compose -p NAME down [--volumes]` without the file: stop every container (dependents
 * first), remove them (with their anonymous volumes when `volumes`), then the networks labelled
 * with the project, then (with `volumes`) the volumes labelled with it. Networks and volumes not
 * made by compose for this project (external ones) carry no such label and are left alone.
 */
export async function removeProject(docker: Docker, project: string, options: { timeout?: number; volumes: boolean }): Promise<ComposeRemoveResult> {
  const members = await membersOf(docker, project);
  const listNetworks = engineCall(() => docker.listNetworks({ filters: projectFilter(project) }), { action: `list the networks of ${project}` });
  const networkNames = (await listNetworks).map((n) => n.Name).sort();
  const volumeNames = options.volumes
    ? ((await engineCall(() => docker.listVolumes({ filters: projectFilter(project) }), { action: `list the volumes of ${project}` })).Volumes ?? [])
        .map((v) => v.Name)
        .sort()
    : [];
  if (members.length === 0 && networkNames.length === 0 && volumeNames.length === 0) throw noSuchProject(project);
  const waves = startWaves(members).reverse();
  const stopped = await actInWaves(waves, 'stop', (m) => docker.getContainer(m.id).stop(stopOptions(options.timeout)));
  const stoppedNames = new Set(stopped.done);
  const removable = waves.map((wave) => wave.filter((m) => stoppedNames.has(m.name)));
  const removed = await actInWaves(removable, 'remove', (m) => docker.getContainer(m.id).remove({ v: options.volumes }));
  const networks = await removeEach('network', networkNames, (name) => docker.getNetwork(name).remove());
  const volumes = await removeEach('volume', volumeNames, (name) => docker.getVolume(name).remove());
  return {
    project,
    done: removed.done,
    failures: [...stopped.failures, ...removed.failures, ...networks.failures, ...volumes.failures],
    networks: networks.removed,
    volumes: volumes.removed,
  };
}
