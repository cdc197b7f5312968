import { afterEach, describe, expect, it, vi } from 'vitest';
import { BerthError } from '../../src/shared/errors';
import type { TransferProgress } from '../../src/shared/types/transfers';
import { TransferRegistry } from '../../src/main/transfers/registry';
import { TicketBook } from '../../src/main/transfers/tickets';
import { contentDisposition } from '../../src/main/web/transfer-routes';

afterEach(() => vi.useRealTimers());

describe('transfer registry', () => {
  it('reports the state at once, throttles progress, and ends with the final phase', async () => {
    vi.useFakeTimers();
    const registry = new TransferRegistry();
    const transfer = registry.begin({ direction: 'download', name: 'web.tar' });
    expect(transfer.id).toMatch(/^t[0-9a-f]{24}$/);
    const seen: TransferProgress[] = [];
    transfer.watch((progress) => seen.push(progress));
    expect(seen).toHaveLength(1);
    for (let i = 0; i < 50; i++) transfer.addBytes(1000);
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({ bytes: 50_000, phase: 'running' });
    transfer.complete({ result: { path: '/x' }, warnings: ['note'] });
    expect(seen.at(-1)).toMatchObject({ phase: 'done', bytes: 50_000, result: { path: '/x' }, warnings: ['note'] });
    transfer.addBytes(5);
    transfer.fail(new Error('late'));
    expect(transfer.snapshot().phase).toBe('done');
    const late: TransferProgress[] = [];
    transfer.watch((progress) => late.push(progress));
    expect(late).toEqual([expect.objectContaining({ phase: 'done' })]);
  });

  it('cancel aborts the signal; the failure that follows settles it as cancelled, not failed', () => {
    const transfer = new TransferRegistry().begin({ direction: 'upload', name: 'x.tar', totalBytes: 10 });
    transfer.cancel('The browser stopped the download.');
    expect(transfer.signal.aborted).toBe(true);
    expect(transfer.phase).toBe('running');
    transfer.fail(new Error('AbortError'));
    expect(transfer.snapshot()).toMatchObject({ phase: 'cancelled', error: { code: 'CANCELLED', message: 'The browser stopped the download.' } });
  });

  it('maps failures to plain errors and finds transfers by id', () => {
    const registry = new TransferRegistry();
    const transfer = registry.begin({ direction: 'download', name: 'a' });
    transfer.fail(new BerthError('NOT_FOUND', 'gone'));
    expect(transfer.snapshot()).toMatchObject({ phase: 'failed', error: { code: 'NOT_FOUND', message: 'gone' } });
    expect(registry.require(transfer.id)).toBe(transfer);
    expect(() => registry.require('t000000000000000000000000')).toThrow(/No such transfer/);
  });
});

describe('one-time tickets', () => {
  it('admit one request, expire, and can be revoked', () => {
    vi.useFakeTimers();
    const book = new TicketBook<string>();
    const expired: string[] = [];
    const a = book.issue('a', (value) => expired.push(value));
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(book.take(a)).toBe('a');
    expect(book.take(a)).toBeUndefined();
    const b = book.issue('b', (value) => expired.push(value), 1000);
    vi.advanceTimersByTime(1001);
    expect(book.take(b)).toBeUndefined();
    expect(expired).toEqual(['b']);
    const c = book.issue('c', (value) => expired.push(value));
    expect(book.revoke(c)).toBe(true);
    expect(book.revoke(c)).toBe(false);
    expect(book.size).toBe(0);
  });
});

it('names a download for every browser, keeping non-ASCII names exactly', () => {
  expect(contentDisposition('web.tar')).toBe(`attachment; filename="web.tar"; filename*=UTF-8''web.tar`);
  expect(contentDisposition('웹 "x".tar')).toBe(`attachment; filename="_ _x_.tar"; filename*=UTF-8''${encodeURIComponent('웹 "x".tar')}`);
});
