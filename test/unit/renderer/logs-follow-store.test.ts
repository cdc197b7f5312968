import { describe, expect, it } from 'vitest';
import type { BerthClient } from '../../../src/renderer/api/client';
import { adoptFollow, LogFollow, MAX_PARKED_FOLLOWS, parkedFollow, releaseFollow, stopParkedFollow } from '../../../src/renderer/features/logs/followStore';

/** A client whose log streams never answer: the test only watches which ones are open. */
function recordingClient(): { client: BerthClient; open: () => number } {
  let open = 0;
  const client = {
    transport: 'web',
    invoke: () => Promise.reject(new Error('not used')),
    subscribe: () => {
      open += 1;
      let closed = false;
      return () => {
        if (!closed) open -= 1;
        closed = true;
      };
    },
  } as unknown as BerthClient;
  return { client, open: () => open };
}

const VIEW = { tail: 100, since: '', until: '', follow: true, timestamps: false, wrap: false };

function following(client: BerthClient, engine: string, id: string): LogFollow {
  const follow = new LogFollow(client, engine, id, `name-${id}`, { ...VIEW });
  follow.controller.load({ id, tail: 100, since: '', until: '', follow: true });
  return follow;
}

describe('log follows across engine switches', () => {
  it('closes the stream when the view is left on its own engine, and parks it when the user switched engines', () => {
    const { client, open } = recordingClient();
    const left = following(client, 'a', 'c1');
    releaseFollow(left, 'a');
    expect(open()).toBe(0);
    expect(parkedFollow('a', 'c1')).toBeUndefined();

    const switched = following(client, 'a', 'c2');
    releaseFollow(switched, 'b');
    expect(open()).toBe(1);
    expect(parkedFollow('a', 'c2')).toBe(switched);
    expect(switched.resumable).toBe(true);
    // Another engine, or the same id on another engine, is not it.
    expect(parkedFollow('b', 'c2')).toBeUndefined();

    adoptFollow(switched);
    expect(parkedFollow('a', 'c2')).toBeUndefined();
    expect(open()).toBe(1);
    releaseFollow(switched, 'a');
    expect(open()).toBe(0);
  });

  it('does not keep a view that was not following, or one every engine is shown over', () => {
    const { client, open } = recordingClient();
    const paused = following(client, 'a', 'p1');
    paused.view = { ...VIEW, follow: false };
    releaseFollow(paused, 'b');
    expect(open()).toBe(0);
    const all = following(client, 'a', 'p2');
    releaseFollow(all, null);
    expect(parkedFollow('a', 'p2')).toBe(all);
    stopParkedFollow(all);
    expect(open()).toBe(0);
    expect(parkedFollow('a', 'p2')).toBeUndefined();
  });

  it(`keeps at most ${MAX_PARKED_FOLLOWS} parked: the oldest stops`, () => {
    const { client, open } = recordingClient();
    const follows = Array.from({ length: MAX_PARKED_FOLLOWS + 2 }, (_, i) => following(client, 'a', `cap${i}`));
    for (const follow of follows) releaseFollow(follow, 'b');
    expect(open()).toBe(MAX_PARKED_FOLLOWS);
    expect(parkedFollow('a', 'cap0')).toBeUndefined();
    expect(parkedFollow('a', 'cap1')).toBeUndefined();
    expect(parkedFollow('a', `cap${MAX_PARKED_FOLLOWS + 1}`)).toBe(follows.at(-1));
    for (const follow of follows) stopParkedFollow(follow);
    expect(open()).toBe(0);
  });
});
