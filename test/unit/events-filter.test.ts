import { describe, expect, it } from 'vitest';
import { eventMatches } from '../../src/main/engine/events/event-filter';
import type { EngineEvent } from '../../src/shared/types/events';

const event = (patch: Partial<EngineEvent>): EngineEvent => ({
  timeNano: '1',
  type: 'container',
  action: 'start',
  actorId: 'abcdef0123456789',
  actorName: 'web-1',
  attributes: { name: 'web-1', image: 'busybox' },
  ...patch,
});

// The engine's semantics (moby daemon/events/filter.go), which live events.watch subscribers get in main.
describe('eventMatches', () => {
  it('takes everything without filters', () => {
    expect(eventMatches({}, event({}))).toBe(true);
  });

  it('matches type and action exactly', () => {
    expect(eventMatches({ types: ['container'] }, event({}))).toBe(true);
    expect(eventMatches({ types: ['image'] }, event({}))).toBe(false);
    expect(eventMatches({ actions: ['start', 'die'] }, event({ action: 'die' }))).toBe(true);
    expect(eventMatches({ actions: ['sta'] }, event({}))).toBe(false);
    expect(eventMatches({ actions: ['exec_start'] }, event({ action: 'exec_start: sh -c true' }))).toBe(true);
  });

  it('matches every action by prefix once one is health_status, exec_create or exec_start', () => {
    expect(eventMatches({ actions: ['health_status'] }, event({ action: 'health_status: healthy' }))).toBe(true);
    expect(eventMatches({ actions: ['health_status', 'sta'] }, event({ action: 'start' }))).toBe(true);
  });

  it('matches a container by a prefix of its id or name, whatever the event type', () => {
    expect(eventMatches({ containers: ['abcdef01'] }, event({}))).toBe(true);
    expect(eventMatches({ containers: ['web'] }, event({}))).toBe(true);
    expect(eventMatches({ containers: ['other'] }, event({}))).toBe(false);
    expect(eventMatches({ containers: ['bridge'] }, event({ type: 'network', actorId: 'f00', attributes: { name: 'bridge', container: 'abc' } }))).toBe(true);
    expect(eventMatches({ containers: ['abc'] }, event({ type: 'network', actorId: 'f00', attributes: { name: 'bridge', container: 'abc' } }))).toBe(false);
  });

  it('needs every given filter to match', () => {
    expect(eventMatches({ types: ['container'], containers: ['web-1'], actions: ['stop'] }, event({}))).toBe(false);
    expect(eventMatches({ types: ['container'], containers: ['web-1'], actions: ['start'] }, event({}))).toBe(true);
  });
});
