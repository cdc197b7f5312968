// The dispatcher never throws, whatever a transport hands it as a channel or topic name: browser
// mode's WebSocket passes a frame's `channel` and `topic` on as JSON gave them (found by the contract fuzz).
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/dispatch';
import type { CommandHandlers, StreamHandlers } from '../../src/main/handler-types';

const dispatcher = createDispatcher({} as unknown as CommandHandlers, {} as unknown as StreamHandlers);

/** Names no String() conversion survives, and others that are not strings. */
const names: unknown[] = [
  JSON.parse('{"toString":1,"valueOf":1}'),
  Object.create(null),
  Symbol('x'),
  {
    toString: () => {
      throw new Error('boom');
    },
  },
  null,
  42,
  ['containers.list'],
];

describe('dispatcher: names that are not channels or topics', () => {
  it.each(names.map((name, index) => [index, name]))('invoke answers NOT_FOUND for odd name #%i', async (_index, name) => {
    const outcome = await dispatcher.invoke(name as string, {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it.each(names.map((name, index) => [index, name]))('subscribe answers NOT_FOUND for odd name #%i', (_index, name) => {
    const outcome = dispatcher.subscribe(name as string, {}, () => undefined);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dispatcher.openStreamCount()).toBe(0);
  });

  it('names a long unknown string in at most 100 characters', async () => {
    const outcome = await dispatcher.invoke('x'.repeat(10_000), {});
    expect(outcome.ok ? '' : outcome.error.message).toBe(`Unknown command: ${'x'.repeat(100)}`);
  });
});
