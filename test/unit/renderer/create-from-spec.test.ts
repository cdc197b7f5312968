// A pasted line's spec fills the create form (fromSpec) so that the form gives the same spec back
// (toSpec), for generated specs; and the new fields read and report as the form shows them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSpec } from '../../../src/renderer/features/create-container/fromSpec';
import { initialFormState, newTmpfsRow } from '../../../src/renderer/features/create-container/formState';
import { validate } from '../../../src/renderer/features/create-container/issues';
import { toSpec } from '../../../src/renderer/features/create-container/toSpec';
import { createContainerSpec } from '../../../src/shared/contract/containers';
import { specArbitrary } from '../../helpers/spec-arbitrary';

describe('spec -> form -> spec', () => {
  it('gives the same spec back', () => {
    fc.assert(
      fc.property(specArbitrary('anyText'), (spec) => {
        const draft = toSpec(fromSpec(spec));
        expect(draft.localErrors).toEqual([]);
        expect(createContainerSpec.parse(draft.spec)).toEqual(createContainerSpec.parse(spec));
      }),
      { seed: 77, numRuns: 300 },
    );
  });
});

describe('the container options in the form', () => {
  const base = initialFormState('busybox');

  it('map to the spec', () => {
    const tmpfs = { ...newTmpfsRow(), target: '/run', options: 'size=64m' };
    const draft = toSpec({
      ...base,
      entrypoint: '/bin/sh -c',
      autoRemove: true,
      init: true,
      readOnly: true,
      privileged: true,
      hostname: 'web.local',
      network: 'my-net',
      tmpfs: [tmpfs],
      shmSize: '1',
      shmUnit: 'GiB',
      capAdd: 'NET_ADMIN, sys_time',
      capDrop: 'ALL',
      healthCmd: 'curl -f http://localhost/',
      healthInterval: '1m30s',
      healthRetries: '3',
    });
    expect(draft.localErrors).toEqual([]);
    expect(draft.spec).toMatchObject({
      entrypoint: ['/bin/sh', '-c'],
      autoRemove: true,
      init: true,
      readOnly: true,
      privileged: true,
      hostname: 'web.local',
      network: 'my-net',
      tmpfs: [{ target: '/run', options: 'size=64m' }],
      shmSizeBytes: 1024 ** 3,
      capAdd: ['NET_ADMIN', 'sys_time'],
      capDrop: ['ALL'],
      healthcheck: { command: 'curl -f http://localhost/', intervalNs: 90e9, retries: 3 },
    });
    expect(validate(draft).size).toBe(0);
  });

  it('put their problems on their own fields', () => {
    const draft = toSpec({
      ...base,
      healthInterval: 'soon',
      hostname: 'bad_host',
      autoRemove: true,
      restart: 'always',
      capAdd: 'NET-ADMIN',
      tmpfs: [{ ...newTmpfsRow(), target: 'relative' }],
    });
    const errors = validate(draft);
    expect(errors.get('healthInterval')?.key).toBe('duration');
    expect(errors.get('hostname')?.key).toBe('hostname');
    expect(errors.get('restart')?.key).toBe('removeWithRestart');
    expect(errors.get('capAdd')?.key).toBe('capability');
    expect(errors.get(`tmpfs.${draft.rows.tmpfs[0]}.target`)?.key).toBe('containerPath');
  });
});
