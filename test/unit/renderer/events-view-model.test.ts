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
  it('matches type, action prefix and container name or id prefix', () => {
    expect(matchesFilter(event('start'), NO_FILTER)).toBe(true);
    expect(matchesFilter(event('start'), { ...NO_FILTER, type: 'image' })).toBe(false);
    expect(matchesFilter(event('exec_start: sh'), { ...NO_FILTER, action: 'exec_start' })).toBe(true);
    expect(matchesFilter(event('start'), { ...NO_FILTER, action: 'stop' })).toBe(false);
    expect(matchesFilter(event('start'), { ...NO_FILTER, container: 'web' })).toBe(true);
    expect(matchesFilter(event('start'), { ...NO_FILTER, container: '/web' })).toBe(true);
    expect(matchesFilter(event('start'), { ...NO_FILTER, container: 'abcdef' })).toBe(true);
    expect(matchesFilter(event('start'), { ...NO_FILTER, container: 'we' })).toBe(false);
    const connect = event('connect', { type: 'network', actorId: 'net1', actorName: 'bridge', attributes: { container: 'abcdef1234567890', name: 'bridge' } });
    expect(matchesFilter(connect, { ...NO_FILTER, container: 'abcdef12' })).toBe(true);
    expect(matchesFilter(connect, { ...NO_FILTER, container: 'bridge' })).toBe(false);
  });

  it('shows attributes without the name', () => {
    expect(attributeText(event('start'))).toBe('image=busybox');
  });
});
