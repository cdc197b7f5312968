import { describe, expect, it } from 'vitest';
import { dockerCommandFor } from '../../../src/shared/cli/docker-command';
import { initialFormState, newKeyValueRow, newMountRow, newPortRow, type CreateFormState } from '../../../src/renderer/features/create-container/formState';
import { validate } from '../../../src/renderer/features/create-container/issues';
import { cpusToNano, memoryToBytes, rowFieldKey, specForCli, toSpec } from '../../../src/renderer/features/create-container/toSpec';

function form(patch: Partial<CreateFormState>): CreateFormState {
  return { ...initialFormState('busybox:latest'), ...patch };
}

describe('create form -> spec', () => {
  it('gives the smallest spec for an untouched form', () => {
    const draft = toSpec(form({}));
    expect(draft.spec).toEqual({ image: 'busybox:latest' });
    expect(draft.localErrors).toEqual([]);
    expect(validate(draft).size).toBe(0);
  });

  it('converts memory with its unit to bytes', () => {
    expect(memoryToBytes('512', 'MiB')).toEqual({ ok: true, value: 512 * 1024 * 1024 });
    expect(memoryToBytes('1.5', 'GiB')).toEqual({ ok: true, value: 1610612736 });
    expect(memoryToBytes(' ', 'GiB')).toEqual({ ok: true, value: undefined });
    expect(memoryToBytes('12x', 'MiB')).toEqual({ ok: false });
    expect(toSpec(form({ memory: '2', memoryUnit: 'GiB' })).spec.resources).toEqual({ memoryBytes: 2 * 1024 ** 3 });
  });

  it('converts CPUs to nanoCPUs without float noise', () => {
    expect(cpusToNano('1.5')).toEqual({ ok: true, value: 1_500_000_000 });
    expect(cpusToNano('0.1')).toEqual({ ok: true, value: 100_000_000 });
    expect(cpusToNano('.25')).toEqual({ ok: true, value: 250_000_000 });
    expect(cpusToNano('two')).toEqual({ ok: false });
    const draft = toSpec(form({ cpus: '0.5', pidsLimit: '100' }));
    expect(draft.spec.resources).toEqual({ nanoCpus: 500_000_000, pidsLimit: 100 });
    expect(dockerCommandFor('containers.run', draft.spec)).toBe('docker run -d --cpus 0.5 --pids-limit 100 busybox:latest');
  });

  it('drops empty rows and keeps filled ones', () => {
    const env = [{ ...newKeyValueRow(), key: ' A ', value: 'x y' }, newKeyValueRow()];
    const ports = [newPortRow(), { ...newPortRow(), containerPort: '80' }];
    const mounts = [newMountRow(), { ...newMountRow(), target: '/data' }];
    const labels = [newKeyValueRow(), { ...newKeyValueRow(), key: 'team', value: 'web' }];
    const draft = toSpec(form({ env, ports, mounts, labels }));
    expect(draft.spec.env).toEqual([{ key: 'A', value: 'x y' }]);
    expect(draft.spec.ports).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1' }]);
    expect(draft.spec.mounts).toEqual([{ type: 'volume', target: '/data', readOnly: false }]);
    expect(draft.spec.labels).toEqual({ team: 'web' });
    expect(draft.rows.ports).toEqual([ports[1]!.id]);
    expect(validate(draft).size).toBe(0);
  });

  it('splits the command as a shell would and reports an open quote', () => {
    expect(toSpec(form({ command: `sh -c 'echo "hi there"'` })).spec.command).toEqual(['sh', '-c', 'echo "hi there"']);
    expect(toSpec(form({ command: '   ' })).spec.command).toBeUndefined();
    const broken = toSpec(form({ command: 'echo "oops' }));
    expect(broken.spec.command).toBeUndefined();
    expect(broken.localErrors).toEqual([{ field: 'command', message: expect.objectContaining({ key: 'unterminatedDouble', values: { position: 6 } }) }]);
  });

  it('maps restart policies, log options, tty and stdin', () => {
    const draft = toSpec(form({ restart: 'on-failure', maxRetries: '3', logMaxSize: '10m', logMaxFile: '2', tty: true, openStdin: true }));
    expect(draft.spec).toMatchObject({
      restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
      logConfig: { maxSize: '10m', maxFile: 2 },
      tty: true,
      openStdin: true,
    });
    expect(toSpec(form({ restart: 'always', maxRetries: 'ignored' })).spec.restartPolicy).toEqual({ name: 'always', maximumRetryCount: 0 });
  });

  it('puts schema issues and local errors on the right fields', () => {
    const port = { ...newPortRow(), hostPort: '8080' };
    const mount = { ...newMountRow(), type: 'bind' as const, source: 'relative', target: '/x' };
    const labels = [
      { ...newKeyValueRow(), key: 'a', value: '1' },
      { ...newKeyValueRow(), key: 'a', value: '2' },
    ];
    const draft = toSpec(form({ image: '', ports: [port], mounts: [mount], memory: '1', labels, logMaxFile: '3' }));
    const errors = validate(draft);
    expect(errors.get('image')?.key).toBe('imageRequired');
    expect(errors.get(rowFieldKey('ports', port.id, 'containerPort'))?.key).toBe('required');
    expect(errors.get(rowFieldKey('mounts', mount.id, 'source'))?.key).toBe('bindSource');
    expect(errors.get(rowFieldKey('labels', labels[1]!.id, 'key'))?.key).toBe('duplicateKey');
    expect(errors.get('memory')?.key).toBe('memoryMin');
    expect(errors.get('logMaxSize')?.key).toBe('maxFileNeedsSize');
    // The CLI line leaves out the port that has no container port yet.
    expect(specForCli(draft.spec).ports).toEqual([]);
  });
});
