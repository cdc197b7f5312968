// The order whole-project actions take: compose v2's depends_on label puts a service after those
// it depends on; v1 writes no such label and everything is one wave.
import { describe, expect, it } from 'vitest';
import type { ProjectMember } from '../../src/main/engine/compose/labels';
import { startWaves } from '../../src/main/engine/compose/projects';

const member = (service: string, dependsOn?: string): ProjectMember => ({
  id: service,
  name: `p-${service}-1`,
  service,
  state: 'exited',
  status: '',
  labels: dependsOn === undefined ? {} : { 'com.docker.compose.depends_on': dependsOn },
});

const names = (waves: ProjectMember[][]): string[][] => waves.map((wave) => wave.map((m) => m.service).sort());

describe('startWaves', () => {
  it('puts every service in one wave when compose wrote no dependencies (v1)', () => {
    expect(names(startWaves([member('web'), member('db'), member('cache')]))).toEqual([['cache', 'db', 'web']]);
  });

  it('starts dependencies first (v2 labels), with conditions and restart flags after the name', () => {
    const waves = startWaves([
      member('web', 'api:service_started:false'),
      member('api', 'db:service_healthy:true,cache:service_started:false'),
      member('db'),
      member('cache', ''),
    ]);
    expect(names(waves)).toEqual([['cache', 'db'], ['api'], ['web']]);
  });

  it('does not hold back a cycle or a dependency with no container', () => {
    expect(
      names(startWaves([member('a', 'b:service_started:false'), member('b', 'a:service_started:false'), member('c', 'gone:service_started:false')])),
    ).toEqual([['c'], ['a', 'b']]);
  });
});
