// Rename, Resources (docker update) and Wait for exit: the pure parts. The name rule agrees with the
// contract's (which main enforces); the update form sends only what changed, refuses up front what
// the engine would refuse, and its request passes the contract's own schema.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/shared/contract';
import { renameCommand, updateCommand, waitCommand } from '../../../src/shared/cli/containers';
import { nameProblem, normalizeName } from '../../../src/renderer/features/containers/manage/name-rule';
import {
  canSend,
  currentLimits,
  initialForm,
  readUpdateForm,
  type CurrentLimits,
  type UpdateForm,
} from '../../../src/renderer/features/containers/manage/update-form';

const MiB = 1024 * 1024;

describe('the rename dialog: docker name rule', () => {
  it('accepts what the engine accepts and says what is wrong otherwise', () => {
    expect(nameProblem('web-2_a.b', 'web')).toBeUndefined();
    expect(nameProblem('/web2', 'web')).toBeUndefined();
    expect(normalizeName('  /web2 ')).toBe('web2');
    expect(nameProblem('', 'web')).toEqual({ kind: 'empty' });
    expect(nameProblem('   ', 'web')).toEqual({ kind: 'empty' });
    expect(nameProblem('_web', 'web')).toEqual({ kind: 'start', char: '_' });
    expect(nameProblem('-web', 'web')).toEqual({ kind: 'start', char: '-' });
    expect(nameProblem('my web', 'web')).toEqual({ kind: 'char', char: ' ' });
    expect(nameProblem('wéb', 'web')).toEqual({ kind: 'char', char: 'é' });
    expect(nameProblem('a/b', 'web')).toEqual({ kind: 'char', char: '/' });
    expect(nameProblem('a', 'web')).toEqual({ kind: 'short' });
    expect(nameProblem('web', 'web')).toEqual({ kind: 'same' });
  });

  it('agrees with the contract schema main checks, on every case', () => {
    const schema = commands['containers.rename'].input;
    for (const text of ['ok', 'a1', 'A.b-c_d', '0', 'a', '_a', '.a', 'a b', 'a/b', 'a:b', 'ü1', 'web!', 'x'.repeat(200)]) {
      const accepted = schema.safeParse({ id: 'c', name: normalizeName(text) }).success;
      expect(nameProblem(text, 'current') === undefined, text).toBe(accepted);
    }
  });

  it('shows the docker rename line', () => {
    expect(renameCommand('web', 'web-2')).toBe('docker rename web web-2');
    expect(waitCommand('job')).toBe('docker wait job');
  });
});

const unlimited: CurrentLimits = {
  memory: 0,
  memorySwap: 0,
  nanoCpus: 0,
  cpuShares: 0,
  pidsLimit: 0,
  restart: { name: 'no', maximumRetryCount: 0 },
  autoRemove: false,
};
const limited: CurrentLimits = {
  memory: 256 * MiB,
  memorySwap: 512 * MiB,
  nanoCpus: 1_500_000_000,
  cpuShares: 512,
  pidsLimit: 100,
  restart: { name: 'on-failure', maximumRetryCount: 3 },
  autoRemove: false,
};
const edit = (current: CurrentLimits, patch: Partial<UpdateForm>) =>
  readUpdateForm({ ...initialForm(current), ...patch }, current, { cpus: 4, memoryBytes: 8 * 1024 * MiB });
const valid = (request: object) => commands['containers.update'].input.safeParse({ id: 'c', ...request }).success;

describe('the Resources dialog: form -> docker update request', () => {
  it('reads the current values from inspect, and shows no limit as an empty field', () => {
    const inspected = currentLimits({
      HostConfig: {
        Memory: 268435456,
        MemorySwap: 536870912,
        NanoCpus: 1500000000,
        CpuShares: 512,
        PidsLimit: 100,
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      },
    });
    expect(inspected).toEqual(limited);
    expect(initialForm(limited)).toEqual({
      memory: '256m',
      memorySwap: '512m',
      cpus: '1.5',
      cpuShares: '512',
      pidsLimit: '100',
      restart: 'on-failure',
      maxRetries: '3',
    });
    expect(initialForm(currentLimits({ HostConfig: { Memory: 0, MemorySwap: -1, PidsLimit: null, RestartPolicy: { Name: '' } } }))).toEqual({
      memory: '',
      memorySwap: '',
      cpus: '',
      cpuShares: '',
      pidsLimit: '',
      restart: 'no',
      maxRetries: '',
    });
  });

  it('sends nothing for an untouched form, and only the changed fields otherwise', () => {
    expect(edit(limited, {})).toEqual({ request: {}, problems: {}, warnings: {} });
    expect(canSend(edit(limited, {}))).toBe(false);
    // The same value written another way is no change.
    expect(edit(limited, { memory: '0.25g', pidsLimit: ' 100 ' }).request).toEqual({});
    const draft = edit(limited, { memory: '384m', pidsLimit: '200' });
    expect(draft.request).toEqual({ memoryBytes: 384 * MiB, pidsLimit: 200 });
    expect(canSend(draft)).toBe(true);
    expect(valid(draft.request)).toBe(true);
    expect(updateCommand('web', draft.request)).toBe('docker update --memory 384m --pids-limit 200 web');
  });

  it('writes every flag as the CLI takes it', () => {
    const draft = edit(limited, { memory: '1g', memorySwap: '-1', cpus: '2', cpuShares: '', pidsLimit: '', restart: 'on-failure', maxRetries: '5' });
    expect(draft.request).toEqual({
      memoryBytes: 1024 * MiB,
      memorySwapBytes: -1,
      nanoCpus: 2e9,
      cpuShares: 1024,
      pidsLimit: -1,
      restartPolicy: { name: 'on-failure', maximumRetryCount: 5 },
    });
    expect(valid(draft.request)).toBe(true);
    expect(updateCommand('web', draft.request)).toBe(
      'docker update --memory 1g --memory-swap -1 --cpus 2 --cpu-shares 1024 --pids-limit -1 --restart on-failure:5 web',
    );
    expect(updateCommand('web', edit(limited, { restart: 'unless-stopped' }).request)).toBe('docker update --restart unless-stopped web');
  });

  it('refuses up front what the engine would refuse', () => {
    expect(edit(limited, { memorySwap: '128m' }).problems.memorySwap).toMatchObject({ key: 'swapBelow', fixSwap: '512m' });
    expect(edit(limited, { memory: '1g' }).problems.memorySwap).toMatchObject({ key: 'swapNeededAbove', values: { swap: '512m' }, fixSwap: '2g' });
    expect(edit(unlimited, { memory: '256m' }).problems.memorySwap).toMatchObject({ key: 'swapNeededUnset', fixSwap: '512m' });
    expect(edit({ ...unlimited, memorySwap: -1 }, { memory: '256m' }).problems.memorySwap).toMatchObject({ key: 'swapNeededUnlimited', fixSwap: '-1' });
    // With the fix applied, the pair goes together, even when swap keeps its current value.
    expect(edit({ ...unlimited, memorySwap: -1 }, { memory: '256m', memorySwap: '-1' }).request).toEqual({ memoryBytes: 256 * MiB, memorySwapBytes: -1 });
    expect(edit(unlimited, { memorySwap: '1g' }).problems.memorySwap?.key).toBe('swapNeedsMemory');
    expect(edit(limited, { memory: '' }).problems.memory?.key).toBe('memoryRemove');
    expect(edit(limited, { memory: '512' }).problems.memory?.key).toBe('memoryBareNumber');
    expect(edit(limited, { memory: '5m' }).problems.memory?.key).toBe('memoryMin');
    expect(edit(limited, { memory: 'lots' }).problems.memory?.key).toBe('size');
    expect(edit(limited, { cpus: '' }).problems.cpus?.key).toBe('cpusRemove');
    expect(edit(unlimited, { cpus: '0' }).problems.cpus?.key).toBe('cpusZero');
    expect(edit(limited, { cpus: '8' }).problems.cpus).toEqual({ key: 'cpusMax', values: { cpus: 4 } });
    expect(edit(limited, { cpuShares: '1' }).problems.cpuShares?.key).toBe('sharesRange');
    expect(edit(limited, { pidsLimit: '0' }).problems.pidsLimit?.key).toBe('pidsRange');
    expect(edit(limited, { maxRetries: 'x' }).problems.maxRetries?.key).toBe('retriesRange');
    expect(edit({ ...unlimited, autoRemove: true }, { restart: 'always' }).problems.restart?.key).toBe('restartAutoRemove');
    for (const patch of [{ memorySwap: '128m' }, { memory: '' }, { cpus: '8' }, { pidsLimit: '0' }]) expect(canSend(edit(limited, patch))).toBe(false);
  });

  it('warns, without refusing, about a memory limit above what the host has', () => {
    const draft = edit(limited, { memory: '16g', memorySwap: '32g' });
    expect(draft.problems).toEqual({});
    expect(draft.warnings.memory).toEqual({ key: 'memoryHuge', values: { host: '8g' } });
    expect(canSend(draft)).toBe(true);
  });
});
