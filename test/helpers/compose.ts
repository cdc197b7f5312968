// Compose projects made by a real compose client: Debian's `docker-compose` (1.29), run against the
// test engine (DOCKER_HOST), so the labels are exactly what compose writes. The services use the
// local test image, which compose never pulls since it is present.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { docker, testImage } from './engine';

export interface ComposeProjectFixture {
  name: string;
  file: string;
  /** `docker-compose -p NAME -f FILE ARGS…`; throws with its output when it fails. */
  run(args: string[]): Promise<string>;
  /** `down --volumes` by compose, and whatever carries the project's label afterwards; never throws. */
  remove(): Promise<void>;
}

/**
 * Two services and what `docker compose` makes for them: `web` (httpd) and `worker` (a loop that
 * prints a numbered line), a named volume mounted by both, a network. `init` makes SIGTERM stop the
 * busybox commands at once (as PID 1 they would ignore it for the stop timeout).
 */
function composeFile(lines: { web: string; worker: string }): string {
  const service = (command: string): string[] => [
    `    image: ${JSON.stringify(testImage)}`,
    '    init: true',
    // `$$`: compose reads `$` as its own interpolation.
    `    command: ["sh", "-c", ${JSON.stringify(command.replaceAll('$', '$$$$'))}]`,
    '    labels:',
    '      berth.test: "1"',
    '    volumes:',
    '      - data:/data',
    '    networks:',
    '      - back',
  ];
  return [
    'version: "2.4"',
    'services:',
    '  web:',
    ...service(lines.web),
    '  worker:',
    ...service(lines.worker),
    'volumes:',
    '  data:',
    '    labels:',
    '      berth.test: "1"',
    'networks:',
    '  back:',
    '    labels:',
    '      berth.test: "1"',
    '',
  ].join('\n');
}

/** What each service runs: by default web serves httpd and worker prints a line every 0.2 s. */
export interface ComposeCommands {
  web?: string;
  worker?: string;
}

const DEFAULT_WEB = 'echo web up; exec httpd -f -p 8080';
const DEFAULT_WORKER = 'i=0; while true; do i=$((i+1)); echo worker $i; sleep 0.2; done';

function runCompose(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('docker-compose', args, { cwd, env: { ...process.env, COMPOSE_INTERACTIVE_NO_CLI: '1' }, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`docker-compose ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(`${stdout}${stderr}`);
    });
  });
}

/** Writes the compose file in a temporary folder and runs `docker-compose -p NAME -f FILE up -d`. */
export async function upComposeProject(name: string, commands: ComposeCommands = {}): Promise<ComposeProjectFixture> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-compose-'));
  const file = path.join(dir, 'docker-compose.yml');
  writeFileSync(file, composeFile({ web: commands.web ?? DEFAULT_WEB, worker: commands.worker ?? DEFAULT_WORKER }));
  const run = (args: string[]): Promise<string> => runCompose(['-p', name, '-f', file, ...args], dir);
  await run(['up', '-d']);
  return {
    name,
    file,
    run,
    remove: async () => {
      await run(['down', '--volumes', '--timeout', '1']).catch(() => undefined);
      await removeProjectLeftovers(name);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Containers, networks and volumes labelled with the project (what a failed test may leave). */
async function removeProjectLeftovers(name: string): Promise<void> {
  const filters = { label: [`com.docker.compose.project=${name}`] };
  for (const c of await docker().listContainers({ all: true, filters }))
    await docker()
      .getContainer(c.Id)
      .remove({ force: true, v: true })
      .catch(() => undefined);
  for (const n of await docker().listNetworks({ filters }))
    await docker()
      .getNetwork(n.Id)
      .remove()
      .catch(() => undefined);
  for (const v of (await docker().listVolumes({ filters })).Volumes ?? [])
    await docker()
      .getVolume(v.Name)
      .remove()
      .catch(() => undefined);
}

/** A compose project name (lowercase, as compose 1.29 keeps it) no other test uses. */
export function uniqueProjectName(prefix: string): string {
  return `berthtest${prefix}${Math.random().toString(36).slice(2, 8)}`;
}
