import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../../src/shared/types/images';
import type { RegistryTask } from '../../../src/shared/types/registries';
import { initialFormState } from '../../../src/renderer/features/create-container/formState';
import { imageChoices, isLocalChoice } from '../../../src/renderer/features/create-container/ImageField';
import { toSpec } from '../../../src/renderer/features/create-container/toSpec';
import { dockerCommandFor } from '../../../src/shared/cli/docker-command';
import {
  endedSince,
  finishedLayers,
  layerPercent,
  orderTasks,
  registryOf,
  repositoryForSuggestions,
  runTaskFor,
  taskPercent,
  timeLeftParts,
} from '../../../src/renderer/features/registries/task-model';
import { loginCommand, pullCommand, tagCommand } from '../../../src/shared/cli/registries';

const image = (id: string, repoTags: string[]): ImageSummary => ({
  id,
  repoTags,
  repoDigests: [],
  created: 1,
  sizeBytes: 1,
  containers: 0,
  labels: {},
  dangling: repoTags.length === 0,
});

let nextId = 0;
function task(patch: Partial<RegistryTask>): RegistryTask {
  nextId += 1;
  return {
    taskId: `r${String(nextId).padStart(24, '0')}`,
    kind: 'pull',
    reference: 'nginx',
    origin: 'user',
    phase: 'running',
    startedAt: 1000,
    layers: [],
    bytes: 0,
    bytesPerSecond: 0,
    commandLine: 'docker pull nginx',
    ...patch,
  };
}

describe('registry task model', () => {
  it('tells percent only when the total is known, and 100 once done', () => {
    expect(taskPercent({ phase: 'running', bytes: 5, totalBytes: 20 })).toBe(25);
    expect(taskPercent({ phase: 'running', bytes: 5 })).toBeUndefined();
    expect(taskPercent({ phase: 'running', bytes: 50, totalBytes: 20 })).toBe(100);
    expect(taskPercent({ phase: 'done', bytes: 0 })).toBe(100);
    expect(taskPercent({ phase: 'failed', bytes: 0, totalBytes: 0 })).toBeUndefined();
  });

  it('gives a layer a bar only while it moves bytes, and full once finished', () => {
    expect(layerPercent({ id: 'a', phase: 'downloading', currentBytes: 1, totalBytes: 4 })).toBe(25);
    expect(layerPercent({ id: 'a', phase: 'waiting', currentBytes: 0 })).toBeUndefined();
    expect(layerPercent({ id: 'a', phase: 'exists', currentBytes: 0 })).toBe(100);
    expect(
      finishedLayers([
        { id: 'a', phase: 'done', currentBytes: 0 },
        { id: 'b', phase: 'exists', currentBytes: 0 },
        { id: 'c', phase: 'extracting', currentBytes: 1, totalBytes: 2 },
      ]),
    ).toBe(2);
  });

  it('splits seconds left into rounded-up parts', () => {
    expect(timeLeftParts(89.2)).toEqual({ hours: 0, minutes: 1, seconds: 30 });
    expect(timeLeftParts(3725)).toEqual({ hours: 1, minutes: 2, seconds: 5 });
    expect(timeLeftParts(-3)).toEqual({ hours: 0, minutes: 0, seconds: 0 });
  });

  it('finds the pull Run started: origin run, same reference, not one that existed before', () => {
    const old = task({ origin: 'run', reference: 'app:1' });
    const user = task({ origin: 'user', reference: 'app:1', startedAt: 2000 });
    const other = task({ origin: 'run', reference: 'app:2', startedAt: 2000 });
    const fresh = task({ origin: 'run', reference: 'app:1', startedAt: 2000 });
    const before = new Set([old.taskId]);
    expect(runTaskFor([old, user, other], ' app:1 ', before)).toBeUndefined();
    expect(runTaskFor([old, user, other, fresh], 'app:1', before)?.taskId).toBe(fresh.taskId);
  });

  it('reports each task once, when it goes from running to ended', () => {
    const a = task({});
    const b = task({});
    const before = [a, b];
    const after = [{ ...a, phase: 'done' as const }, b];
    expect(endedSince(before, after).map((t) => t.taskId)).toEqual([a.taskId]);
    expect(endedSince(after, after)).toEqual([]);
    // A task seen for the first time already ended (e.g. on page load) is not announced.
    expect(endedSince([], after)).toEqual([]);
  });

  it('lists running tasks first, newest first', () => {
    const done = task({ phase: 'done', startedAt: 5000 });
    const oldRunning = task({ startedAt: 1000 });
    const newRunning = task({ startedAt: 3000 });
    expect(orderTasks([done, oldRunning, newRunning]).map((t) => t.taskId)).toEqual([newRunning.taskId, oldRunning.taskId, done.taskId]);
  });

  it('names the registry of a reference as docker login keys it', () => {
    expect(registryOf('127.0.0.1:5000/team/app:1')).toBe('127.0.0.1:5000');
    expect(registryOf('registry.example.com/app')).toBe('registry.example.com');
    expect(registryOf('localhost/app')).toBe('localhost');
    expect(registryOf('library/nginx')).toBe('https://index.docker.io/v1/');
    expect(registryOf('nginx:1.27')).toBe('https://index.docker.io/v1/');
  });

  it('asks for tag suggestions for the repository part, not a port or a digest', () => {
    expect(repositoryForSuggestions('nginx:1.2')).toBe('nginx');
    expect(repositoryForSuggestions('127.0.0.1:5000/app')).toBe('127.0.0.1:5000/app');
    expect(repositoryForSuggestions('127.0.0.1:5000/app:')).toBe('127.0.0.1:5000/app');
    expect(repositoryForSuggestions('app@sha256:abc')).toBeUndefined();
    expect(repositoryForSuggestions('  ')).toBeUndefined();
  });
});

describe('registry CLI lines', () => {
  it('never put a password in the login line', () => {
    expect(loginCommand('127.0.0.1:5000', 'alice')).toBe('docker login -u alice 127.0.0.1:5000');
    expect(loginCommand('', '')).toBe('docker login -u USER SERVER');
  });

  it('show the pull and tag lines with placeholders until filled', () => {
    expect(pullCommand('', undefined)).toBe('docker pull IMAGE');
    expect(pullCommand('nginx:1', 'linux/arm64')).toBe('docker pull --platform linux/arm64 nginx:1');
    expect(tagCommand('abc123', 'reg:5000/app', 'v2')).toBe('docker tag abc123 reg:5000/app:v2');
  });
});

describe('create form: pull', () => {
  it('maps the Pull choice into the spec and the CLI line (missing is the default and not written)', () => {
    const base = initialFormState('127.0.0.1:5000/app:1');
    expect(toSpec(base).spec.pull).toBeUndefined();
    expect(dockerCommandFor('containers.run', toSpec(base).spec)).toBe('docker run -d 127.0.0.1:5000/app:1');
    const always = toSpec({ ...base, pull: 'always' }).spec;
    expect(always.pull).toBe('always');
    expect(dockerCommandFor('containers.run', always)).toBe('docker run -d --pull always 127.0.0.1:5000/app:1');
    expect(dockerCommandFor('containers.create', toSpec({ ...base, pull: 'never' }).spec)).toBe('docker create --pull never 127.0.0.1:5000/app:1');
  });

  it('tells a local image from one Run would pull', () => {
    const choices = imageChoices([image('sha256:aaaa1111', ['busybox:latest']), image('sha256:bbbb2222', [])], (id) => id);
    expect(isLocalChoice('busybox', choices)).toBe(true);
    expect(isLocalChoice('busybox:latest', choices)).toBe(true);
    expect(isLocalChoice('bbbb22', choices)).toBe(true);
    expect(isLocalChoice('busy', choices)).toBe(false);
    expect(isLocalChoice('127.0.0.1:5000/app:1', choices)).toBe(false);
    expect(isLocalChoice('', choices)).toBe(true);
  });
});
