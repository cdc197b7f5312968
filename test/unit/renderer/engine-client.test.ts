// The engine-scoped client: every engine call carries its engine (`default` too, which is
// DOCKER_HOST or the default socket, not where calls without `engine` go), host calls never do,
// and one client object per engine keeps per-client caches apart.
import { describe, expect, it } from 'vitest';
import type { BerthClient } from '../../../src/renderer/api/client';
import { clientForEngine } from '../../../src/renderer/api/engine-client';

function recordingClient(): { client: BerthClient; inputs: unknown[] } {
  const inputs: unknown[] = [];
  const client = {
    transport: 'ipc',
    invoke: (_channel: string, input: unknown) => {
      inputs.push(input);
      return Promise.resolve(undefined);
    },
    subscribe: (_topic: string, input: unknown) => {
      inputs.push(input);
      return () => undefined;
    },
  } as unknown as BerthClient;
  return { client, inputs };
}

describe('clientForEngine', () => {
  it('adds the engine to engine calls, `default` included, and leaves host calls alone', async () => {
    const { client, inputs } = recordingClient();
    await clientForEngine(client, 'default').invoke('containers.list', { all: true });
    await clientForEngine(client, 'build').invoke('containers.list', { all: true });
    await clientForEngine(client, 'build').invoke('engines.list', {});
    await clientForEngine(client, 'build').invoke('settings.get', {});
    expect(inputs).toEqual([{ all: true, engine: 'default' }, { all: true, engine: 'build' }, {}, {}]);
  });

  it('is one object per engine', () => {
    const { client } = recordingClient();
    expect(clientForEngine(client, 'build')).toBe(clientForEngine(client, 'build'));
    expect(clientForEngine(client, 'build')).not.toBe(clientForEngine(client, 'default'));
    expect(clientForEngine(client, 'default')).not.toBe(client);
  });
});
