import { describe, expect, it } from 'vitest';
import { dockerEventsCommand } from '../../src/shared/cli/events';
import { dockerImageInspectCommand } from '../../src/shared/cli/images';
import { dockerInspectCommand, dockerIsolationCommand, dockerPortCommand, dockerTopCommand } from '../../src/shared/cli/containers';

describe('docker CLI equivalents of the inspection views', () => {
  it('top, port and inspect', () => {
    expect(dockerTopCommand('web', '-ef')).toBe('docker top web -ef');
    expect(dockerTopCommand('web', ' -o  pid,comm ')).toBe('docker top web -o pid,comm');
    expect(dockerPortCommand('web')).toBe('docker port web');
    expect(dockerInspectCommand('web')).toBe('docker inspect web');
    expect(dockerImageInspectCommand('berth-test/busybox:latest')).toBe('docker image inspect berth-test/busybox:latest');
    expect(dockerIsolationCommand('web')).toBe("docker inspect --format '{{json .HostConfig}}' web");
  });

  it('events, with filters and times', () => {
    expect(dockerEventsCommand()).toBe('docker events');
    expect(dockerEventsCommand({ containers: ['web'] })).toBe('docker events --filter container=web');
    expect(dockerEventsCommand({ types: ['container'], actions: ['start', 'die'], containers: ['web'], since: '10m', until: 1718000000 })).toBe(
      'docker events --filter type=container --filter event=start --filter event=die --filter container=web --since 10m --until 1718000000',
    );
    expect(dockerEventsCommand({ actions: ['exec_start: sh'] })).toBe("docker events --filter 'event=exec_start: sh'");
  });
});
