// Text that is not well-formed Unicode (a lone surrogate) is refused before any handler runs: the
// engine client cannot encode it ("URI malformed"), and it can come from no legitimate caller
// (found by the contract fuzz: containers.create, containers.commit and files.copyIn answered INTERNAL).
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/dispatch';
import type { CommandHandlers, StreamHandlers } from '../../src/main/handler-types';

const calls: unknown[] = [];
const record = async (input: unknown): Promise<unknown> => {
  calls.push(input);
  return { id: 'x' };
};
const dispatcher = createDispatcher(
  { 'containers.commit': record, 'containers.create': record } as unknown as CommandHandlers,
  { 'exec.session': (input: unknown) => (calls.push(input), () => undefined) } as unknown as StreamHandlers,
);

describe('dispatcher: text that is not well-formed Unicode', () => {
  it.each([
    ['containers.commit', { id: 'abc', message: 'a\uD800b' }, /^message: /],
    ['containers.commit', { id: 'abc', author: '\uDC00' }, /^author: /],
    ['containers.create', { image: 'busybox', command: ['sh', 'x\uDBFF'] }, /^command\.1: /],
    ['containers.create', { image: 'busybox', labels: { 'k\uD800': 'v' } }, /^labels: /],
  ])('invoke %s refuses %j without running the handler', async (channel, input, where) => {
    calls.length = 0;
    const outcome = await dispatcher.invoke(channel, input);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(where) } });
    expect(calls).toEqual([]);
  });

  it('subscribe refuses it too, opening nothing', () => {
    calls.length = 0;
    const outcome = dispatcher.subscribe('exec.session', { id: 'abc', env: [{ key: 'A', value: '\uDC00\uDC00' }] }, () => undefined);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^env\.0\.value: /) } });
    expect(calls).toEqual([]);
    expect(dispatcher.openStreamCount()).toBe(0);
  });

  it('passes well-formed text on, astral letters and Korean included', async () => {
    calls.length = 0;
    const outcome = await dispatcher.invoke('containers.commit', { id: 'abc', message: '𝔘𝔫𝔦 한글 \u202E' });
    expect(outcome).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
  });
});
