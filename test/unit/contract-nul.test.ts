// NUL in anything that becomes a container's config or an exec's command: the contract refuses it
// with a plain message (the engine would create a container that cannot start, and the shown
// docker CLI line would silently lose the NUL).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands, streams } from '../../src/shared/contract';
import { NUL_REFUSAL_END, noNul } from '../../src/shared/contract/schemas';

const IMAGE = 'berth-test/busybox:latest';

function messages(schema: z.ZodType, input: unknown): string[] {
  const parsed = schema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => (issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message));
}

describe('noNul', () => {
  it('refuses a NUL anywhere in the string, with what it is in the message', () => {
    const schema = noNul(z.string(), 'A thing');
    expect(schema.safeParse('fine').success).toBe(true);
    for (const bad of ['\0', 'a\0', '\0b', 'a\0b']) expect(messages(schema, bad)).toEqual([`A thing${NUL_REFUSAL_END}`]);
  });
});

describe('containers.create refuses NUL', () => {
  const create = commands['containers.create'].input;
  it.each([
    ['an env value', { env: [{ key: 'A', value: 'x\0y' }] }, 'An environment variable value'],
    ['an env name', { env: [{ key: 'A\0B', value: 'x' }] }, 'An environment variable name'],
    ['a command word', { command: ['echo', 'a\0b'] }, 'A command word'],
    ['an entrypoint word', { entrypoint: ['/bin/sh\0'] }, 'A command word'],
    ['a label value', { labels: { 'berth.test': '1', note: 'a\0b' } }, 'A label value'],
    ['a label key', { labels: { 'no\0te': 'x' } }, 'A label key'],
    ['a bind source', { mounts: [{ type: 'bind', source: '/tmp/a\0b', target: '/mnt' }] }, 'A bind source'],
  ])('in %s', (_what, patch, what) => {
    expect(messages(create, { image: IMAGE, ...patch })).toContain(`${what}${NUL_REFUSAL_END}`);
  });

  it('in the working dir (the path rule)', () => {
    expect(messages(create, { image: IMAGE, workingDir: '/a\0b' })).toContain('A path cannot contain a NUL byte.');
  });

  it('in the user (not a valid user)', () => {
    expect(messages(create, { image: IMAGE, user: 'root\0' })).toEqual(['Not a valid user.']);
  });

  it('accepts the same spec without the NUL', () => {
    const spec = { image: IMAGE, env: [{ key: 'A', value: 'x y' }], command: ['echo', 'a b'], entrypoint: ['/bin/sh'], labels: { note: 'a b' } };
    expect(create.safeParse(spec).success).toBe(true);
    expect(commands['containers.run'].input.safeParse(spec).success).toBe(true);
  });
});

describe('exec.session refuses NUL', () => {
  const exec = streams['exec.session'].input;
  const id = 'abc123';
  it.each([
    ['a command word', { command: ['sh', '-c', 'echo\0'] }, 'A command word'],
    ['an env value', { env: [{ key: 'A', value: '\0' }] }, 'An environment variable value'],
    ['an env name', { env: [{ key: '\0', value: 'x' }] }, 'An environment variable name'],
  ])('in %s', (_what, patch, what) => {
    expect(messages(exec, { id, ...patch })).toContain(`${what}${NUL_REFUSAL_END}`);
  });

  it('in the working dir and the user', () => {
    expect(messages(exec, { id, workingDir: '/\0' })).toContain('A path cannot contain a NUL byte.');
    expect(messages(exec, { id, user: '\0' })).toEqual(['Not a valid user.']);
  });
});

describe('image config strings refuse NUL', () => {
  it('commit message and author, import message, change lines', () => {
    const commit = commands['containers.commit'].input;
    expect(messages(commit, { id: 'abc', message: 'a\0b' })).toContain(`A message${NUL_REFUSAL_END}`);
    expect(messages(commit, { id: 'abc', author: 'me\0' })).toContain(`An author${NUL_REFUSAL_END}`);
    expect(messages(commit, { id: 'abc', changes: ['ENV A=\0'] })).toEqual(['A change is one line.']);
    const imported = commands['images.import'].input;
    const source = { kind: 'upload', filename: 'a.tar', sizeBytes: 10 };
    expect(messages(imported, { source, message: '\0' })).toContain(`A message${NUL_REFUSAL_END}`);
  });
});
