import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../src/shared/types/events';
import { appendEvents, EMPTY_BUFFER, eventTimeMs } from '../../../src/renderer/features/events/event-buffer';
import { attributeText, matchesFilter, NO_FILTER } from '../../../src/renderer/features/events/event-filter';

const event = (action: string, extra: Partial<EngineEvent> = {}): EngineEvent => ({
  timeNano: '1718000000123456789',
  type: 'container',
  action,
  actorId: 'abcdef1234567890',
  actorName: 'web',
  attributes: { name: 'web', image: 'busybox' },
  ...extra,
});

describe('event buffer', () => {
  it('keeps the newest events up to the cap and counts what it dropped', () => {
    let buffer = appendEvents(EMPTY_BUFFER, [event('a'), event('b')], 3);
    expect(buffer).toEqual({ events: [event('a'), event('b')], dropped: 0 });
    buffer = appendEvents(buffer, [event('c'), event('d'), event('e')], 3);
    expect(buffer.events.map((e) => e.action)).toEqual(['c', 'd', 'e']);
    expect(buffer.dropped).toBe(2);
    expect(appendEvents(buffer, [], 3)).toBe(buffer);
  });

  it('reads nanosecond times as milliseconds', () => {
    expect(eventTimeMs(event('a'))).toBe(1718000000123);
    expect(eventTimeMs(event('a', { timeNano: 'junk' }))).toBe(0);
  });
});

describe('event filter', () => {
  it('matches as the engine does: type and action exactly, container by the start of a name or id', () => {
    expect(matchesFilter(event('start'), NO_FILTER)).toBe(true);
    expect(matchesFilter(event('start'), { ...NO_FILTER, type: 'image' })).toBe(false);
    expect(matchesFilter(event('exec_start: sh'), { ...NO_FILTER, action: 'exec_start' })).toBe(true);
    expect(matchesFilter(event('start'), { ...NO_FILTER, action: 'stop' })).toBe(false);
    // `docker events --filter event=st` prints nothing, and the view shows nothing.
    expect(matchesFilter(event('start'), { ...NO_FILTER, action: 'st' })).toBe(false);
    expect(matchesFilter(event('start'), { ...NO_FILTER, action: 'Start' })).toBe(false);
    expect(matchesFilter(event('start'), { ...NO_FILTER, action: ' start ' })).toBe(true);
    expect(matchesFilter(event('start'), { ...NO_FILTER, container: 'web' })).toBe(true);
    // `--filter container=we` takes web (and web2, website): the engine matches names by prefix.
    expect(matchesFilter(event('start'), { ...NO_FILTER, container: 'we' })).toBe(true);
    expect(matchesFilter(event('start'), { ...NO_FILTER, container: 'abcdef' })).toBe(true);
    expect(matchesFilter(event('start'), { ...NO_FILTER, container: 'WEB' })).toBe(false);
    expect(matchesFilter(event('start'), { ...NO_FILTER, container: '/web' })).toBe(false);
    // A network event's actor is the network: the engine's container filter does not take it.
    const connect = event('connect', { type: 'network', actorId: 'net1', actorName: 'bridge', attributes: { container: 'abcdef1234567890', name: 'bridge' } });
    expect(matchesFilter(connect, { ...NO_FILTER, container: 'abcdef12' })).toBe(false);
  });

  it('shows attributes without the name', () => {
    expect(attributeText(event('start'))).toBe('image=busybox');
  });
});
