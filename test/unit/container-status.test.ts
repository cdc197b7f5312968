import { describe, expect, it } from 'vitest';
import { parseContainerStatus } from '../../src/shared/containers/status';

describe('the engine status line, taken apart', () => {
  it.each([
    ['Up Less than a second', { kind: 'up', for: { kind: 'moment' }, paused: false }],
    ['Up 1 second', { kind: 'up', for: { kind: 'count', amount: 1, unit: 'second' }, paused: false }],
    ['Up About a minute', { kind: 'up', for: { kind: 'about', unit: 'minute' }, paused: false }],
    ['Up 5 minutes (Paused)', { kind: 'up', for: { kind: 'count', amount: 5, unit: 'minute' }, paused: true }],
    ['Up About an hour (healthy)', { kind: 'up', for: { kind: 'about', unit: 'hour' }, paused: false, health: 'healthy' }],
    ['Up 3 days (health: starting)', { kind: 'up', for: { kind: 'count', amount: 3, unit: 'day' }, paused: false, health: 'starting' }],
    ['Up 2 weeks (unhealthy)', { kind: 'up', for: { kind: 'count', amount: 2, unit: 'week' }, paused: false, health: 'unhealthy' }],
    ['Exited (0) 2 hours ago', { kind: 'exited', exitCode: 0, ago: { kind: 'count', amount: 2, unit: 'hour' } }],
    ['Exited (137) 5 months ago', { kind: 'exited', exitCode: 137, ago: { kind: 'count', amount: 5, unit: 'month' } }],
    ['Exited (-1)', { kind: 'exited', exitCode: -1 }],
    ['Restarting (1) Less than a second ago', { kind: 'restarting', exitCode: 1, ago: { kind: 'moment' } }],
    ['Created', { kind: 'created' }],
    ['Removal In Progress', { kind: 'removing' }],
    ['Dead', { kind: 'dead' }],
  ])('%s', (line, parsed) => {
    expect(parseContainerStatus(line)).toEqual(parsed);
  });

  it('leaves a line outside the grammar alone', () => {
    for (const line of ['', 'Up', 'Up forever', 'Exited (x) 2 hours ago', 'Restarting (1)', 'Paused']) expect(parseContainerStatus(line)).toBeUndefined();
  });
});
