// containers.parseRun's parser: docker run lines read as the docker CLI (pflag, POSIX sh words)
// reads them, and the line Berth shows for a spec read back as the same spec.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerCommandFor } from '../../../src/shared/cli/docker-command';
import { parseRunLine } from '../../../src/shared/containers/run-parse';
import { createContainerSpec } from '../../../src/shared/contract/containers';
import type { ParsedRunLine } from '../../../src/shared/contract';
import { specArbitrary } from '../../helpers/spec-arbitrary';

function parse(line: string): ParsedRunLine {
  const result = parseRunLine(line);
  if (!result.ok) throw new Error(result.error);
  return result.parsed;
}

describe('spec -> shown CLI line -> parseRun -> the same spec', () => {
  for (const channel of ['containers.create', 'containers.run'] as const) {
    it(channel, () => {
      fc.assert(
        fc.property(specArbitrary('anyText'), (spec) => {
          const line = dockerCommandFor(channel, spec);
          const parsed = parse(line);
          expect(parsed.unsupported, line).toEqual([]);
          expect(parsed.subcommand).toBe(channel === 'containers.run' ? 'run' : 'create');
          expect(createContainerSpec.parse(parsed.spec), line).toEqual(createContainerSpec.parse(spec));
        }),
        { seed: 1306, numRuns: 400 },
      );
    });
  }
});

describe('reading a line as the CLI does', () => {
  it('combined one-letter flags, a value stuck to its flag, = forms and repeats', () => {
    const { spec, unsupported } = parse('docker run -dit -p8080:80 -p=9090:90/udp -e=A=1 --env B=2 -eC=3 --name=web nginx');
    expect(unsupported).toEqual([]);
    expect(spec).toMatchObject({ image: 'nginx', tty: true, openStdin: true, name: 'web' });
    expect(spec.ports).toEqual([
      { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
      { containerPort: 90, protocol: 'udp', hostIp: '0.0.0.0', hostPort: 9090 },
    ]);
    expect(spec.env).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: '2' },
      { key: 'C', value: '3' },
    ]);
  });

  it('a value flag at the end of a group takes the next word: -itp 80:80', () => {
    expect(parse('docker run -itp 80:80 nginx').spec.ports).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 80 }]);
  });

  it('booleans: --rm, --rm=false, -t=false, --init=true; a bad boolean is reported', () => {
    expect(parse('docker run --rm nginx').spec.autoRemove).toBe(true);
    expect(parse('docker run --rm --rm=false nginx').spec.autoRemove).toBeUndefined();
    expect(parse('docker run -t -t=false nginx').spec.tty).toBeUndefined();
    expect(parse('docker run --init=true nginx').spec.init).toBe(true);
    expect(parse('docker run --rm=maybe nginx').unsupported).toEqual([{ flag: '--rm', value: 'maybe', reason: 'not true or false' }]);
    // A boolean never takes the next word: `false` is the image here, as the CLI reads it.
    expect(parse('docker run --rm false').spec.image).toBe('false');
  });

  it('multi-line with backslash continuations (also CRLF), sudo and a prompt', () => {
    const { spec } = parse('$ sudo docker run -d \\\r\n  --name db \\\n  -e POSTGRES_PASSWORD=secret \\\n  postgres:16');
    expect(spec).toMatchObject({ image: 'postgres:16', name: 'db', env: [{ key: 'POSTGRES_PASSWORD', value: 'secret' }] });
  });

  it('docker container run and docker create', () => {
    expect(parse('docker container run nginx').subcommand).toBe('run');
    expect(parse('docker container create nginx').subcommand).toBe('create');
    expect(parse('docker create -d nginx').unsupported).toEqual([{ flag: '-d', reason: 'docker create has no such flag' }]);
  });

  it('quoting as sh does: single, double, backslash; image then command words', () => {
    const { spec } = parse(`docker run -e 'A=it'\\''s' -e "B=\\"q\\" \\$x" -e C=a\\ b busybox sh -c 'echo "$HOME"; ls'`);
    expect(spec.env).toEqual([
      { key: 'A', value: "it's" },
      { key: 'B', value: '"q" $x' },
      { key: 'C', value: 'a b' },
    ]);
    expect(spec.command).toEqual(['sh', '-c', 'echo "$HOME"; ls']);
  });

  it('flags after the image are the command; -- ends the flags', () => {
    expect(parse('docker run busybox ls -la --rm').spec).toEqual({ image: 'busybox', command: ['ls', '-la', '--rm'] });
    expect(parse('docker run --rm -- busybox -x').spec).toMatchObject({ image: 'busybox', command: ['-x'], autoRemove: true });
  });

  it('a value flag takes the next word even when it starts with -', () => {
    expect(parse('docker run --entrypoint -x busybox').spec.entrypoint).toEqual(['-x']);
    expect(parse("docker run --entrypoint '' busybox").spec.entrypoint).toEqual(['']);
  });

  it('every flag Berth has no field for is named with its value', () => {
    const { spec, unsupported } = parse(
      'docker run -d --add-host=a:1.2.3.4 --device /dev/fuse -P --expose 80 --ulimit nofile=1024 --security-opt seccomp=unconfined -v ./data:/data -v /a:/b:z -e HOME --env-file .env --log-driver syslog --log-opt tag=x --net=foo,alias=x --bogus --gpus all busybox',
    );
    expect(spec).toEqual({ image: 'busybox' });
    expect(unsupported.map((u) => [u.flag, u.value])).toEqual([
      ['--add-host', 'a:1.2.3.4'],
      ['--device', '/dev/fuse'],
      ['-P', undefined],
      ['--expose', '80'],
      ['--ulimit', 'nofile=1024'],
      ['--security-opt', 'seccomp=unconfined'],
      ['-v', './data:/data'],
      ['-v', '/a:/b:z'],
      ['-e', 'HOME'],
      ['--env-file', '.env'],
      ['--net', 'foo,alias=x'],
      ['--bogus', undefined],
      ['--gpus', 'all'],
      ['--log-driver', 'syslog'],
      ['--log-opt', 'tag=x'],
    ]);
  });

  it('-v and --mount into mounts; --tmpfs, capabilities, health check, sizes and durations', () => {
    const { spec, unsupported } = parse(
      'docker run -v /srv/a:/a:ro -v data:/b -v /c --mount type=bind,src=/x,dst=/y,readonly --mount "type=volume,target=/z" --tmpfs /run:size=64m --cap-add NET_ADMIN,sys_time --cap-drop=ALL --shm-size 1.5g -m 512m --cpus .5 --pids-limit -1 --health-cmd "pg_isready -U x" --health-interval 1m30s --health-timeout 500ms --health-retries 5 --log-opt max-size=10m --log-opt max-file=3 --restart on-failure:4 busybox',
    );
    expect(unsupported).toEqual([]);
    expect(spec.mounts).toEqual([
      { type: 'bind', source: '/srv/a', target: '/a', readOnly: true },
      { type: 'volume', source: 'data', target: '/b', readOnly: false },
      { type: 'volume', target: '/c', readOnly: false },
      { type: 'bind', source: '/x', target: '/y', readOnly: true },
      { type: 'volume', target: '/z', readOnly: false },
    ]);
    expect(spec).toMatchObject({
      tmpfs: [{ target: '/run', options: 'size=64m' }],
      capAdd: ['NET_ADMIN', 'sys_time'],
      capDrop: ['ALL'],
      shmSizeBytes: 1.5 * 1024 ** 3,
      resources: { memoryBytes: 512 * 1024 ** 2, nanoCpus: 500_000_000 },
      healthcheck: { command: 'pg_isready -U x', intervalNs: 90e9, timeoutNs: 500e6, retries: 5 },
      logConfig: { maxSize: '10m', maxFile: 3 },
      restartPolicy: { name: 'on-failure', maximumRetryCount: 4 },
    });
    expect(spec.resources?.pidsLimit).toBeUndefined();
  });

  it('the command ends at a shell operator; the rest is returned apart, not taken as words', () => {
    const parsed = parse('docker run --rm --entrypoint=cat nginx /etc/nginx/nginx.conf > /host/path/nginx.conf');
    expect(parsed.spec.command).toEqual(['/etc/nginx/nginx.conf']);
    expect(parsed.shellRest).toBe('> /host/path/nginx.conf');
    expect(parse('docker run -d busybox sleep 1 2>&1 | tee log').shellRest).toBe('2>&1 | tee log');
    expect(parse('docker run -d busybox && docker ps').spec.command).toBeUndefined();
    // Quoted, an operator is an ordinary character.
    expect(parse(`docker run busybox sh -c 'a | b > c'`).spec.command).toEqual(['sh', '-c', 'a | b > c']);
  });

  it('a value sh would expand ($PWD, $(id -u), backticks) is reported, not taken literally; single quotes keep it literal', () => {
    const { spec, unsupported } = parse(
      `docker run -v $PWD:/x -v "$(pwd)/a b":/y --user $(id -u):$(id -g) -e 'LITERAL=$HOME' -e "HOME_IS=$HOME" -w \`pwd\` busybox`,
    );
    expect(spec.env).toEqual([{ key: 'LITERAL', value: '$HOME' }]);
    expect(unsupported.map((u) => [u.flag, u.value])).toEqual([
      ['-v', '$PWD:/x'],
      ['-v', '$(pwd)/a b:/y'],
      ['--user', '$(id -u):$(id -g)'],
      ['-e', 'HOME_IS=$HOME'],
      ['-w', '`pwd`'],
    ]);
    expect(unsupported.every((u) => u.reason?.includes('shell expansion'))).toBe(true);
  });

  it('refuses what is not a docker run line, and an unterminated quote', () => {
    expect(parseRunLine('ls -la').ok).toBe(false);
    expect(parseRunLine('docker ps').ok).toBe(false);
    expect(parseRunLine("docker run -e 'A=1 nginx").ok).toBe(false);
  });

  it('a missing value at the end is reported, and the image stays empty', () => {
    expect(parse('docker run --name')).toEqual({ spec: { image: '' }, unsupported: [{ flag: '--name', reason: 'needs a value' }], subcommand: 'run' });
  });
});
