import { describe, expect, it } from 'vitest';
import { toBerthError } from '../../src/main/engine/core/errors';

describe('an unreachable engine, in words', () => {
  it.each(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EACCES'])('%s: a plain reason, not the errno', (code) => {
    const error = toBerthError(Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code }));
    expect(error.code).toBe('ENGINE_UNAVAILABLE');
    expect(error.message).toMatch(/^The Docker engine is not reachable \([a-z][a-z ]+\)\.$/);
    expect(error.message).not.toContain(code);
    expect(error.message).not.toContain('.sock');
  });
});
