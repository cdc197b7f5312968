import { describe, expect, it } from 'vitest';
import { registryError, type TaskContext } from '../../../src/main/engine/registries/registry-errors';

const pull: TaskContext = { kind: 'pull', reference: 'reg.example.com/app:1', registry: 'reg.example.com', loggedIn: false };
const hub: TaskContext = { kind: 'pull', reference: 'nginx:nope', registry: 'docker.io', loggedIn: false };

describe("registryError: the engine's words in plain ones", () => {
  it.each([
    [
      pull,
      'manifest for reg.example.com/app:1 not found: manifest unknown: manifest unknown',
      'NOT_FOUND',
      'reg.example.com/app:1 is not in the registry reg.example.com: unknown repository or tag.',
    ],
    [
      hub,
      "pull access denied for nginx, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      'NOT_FOUND',
      'nginx:nope is not in Docker Hub, or it needs you to log in.',
    ],
    [
      pull,
      'Head "https://reg.example.com/v2/app/manifests/1": no basic auth credentials',
      'UNAUTHORIZED',
      'The registry reg.example.com needs you to log in to pull reg.example.com/app:1.',
    ],
    [
      { ...pull, loggedIn: true },
      'unauthorized: authentication required',
      'UNAUTHORIZED',
      'The registry reg.example.com refused the stored login for reg.example.com/app:1: log in again with a user allowed to pull it.',
    ],
    [
      pull,
      'Get "https://reg.example.com/v2/": dial tcp: lookup reg.example.com: no such host',
      'REGISTRY_UNAVAILABLE',
      'The registry reg.example.com is not reachable from the engine (Get "https://reg.example.com/v2/": dial tcp: lookup reg.example.com: no such host).',
    ],
    [
      pull,
      'failed to register layer: write /var/lib/docker/x: no space left on device',
      'INTERNAL',
      "The engine's disk is full: reg.example.com/app:1 could not be stored (failed to register layer: write /var/lib/docker/x: no space left on device).",
    ],
    [
      pull,
      'no matching manifest for linux/s390x in the manifest list entries',
      'NOT_FOUND',
      'reg.example.com/app:1 has no image for linux/s390x (no matching manifest for linux/s390x in the manifest list entries).',
    ],
    [
      pull,
      'image with reference reg.example.com/app:1 was found but does not match the specified platform: wanted linux/s390x, actual: linux/amd64',
      'NOT_FOUND',
      'reg.example.com/app:1 has no image for linux/s390x (image with reference reg.example.com/app:1 was found but does not match the specified platform: wanted linux/s390x, actual: linux/amd64).',
    ],
  ])('%#', (context, text, code, message) => {
    expect(registryError(text, context).toShape()).toEqual({ code, message });
  });
});
