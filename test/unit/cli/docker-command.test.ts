import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_CHANNELS, dockerArgvFor, dockerCommandFor, hasCliCommand } from '../../../src/shared/cli/docker-command';
import { formatCpus, formatMemory } from '../../../src/shared/containers/units';
import { splitShellWords } from '../../../src/shared/cli/shell-quote';
import type { CreateContainerSpec } from '../../../src/shared/contract';
import { createContainerSpec } from '../../../src/shared/contract/containers';

/** The words real /bin/sh makes of a produced command line. */
function shWords(line: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

function words(line: string): string[] {
  const result = splitShellWords(line);
  if (!result.ok) throw new Error(`unexpected error: ${result.error}`);
  return result.words;
}

const create = (spec: CreateContainerSpec): string => dockerCommandFor('containers.create', spec);

describe('simple channels', () => {
  it('engine and image commands', () => {
    expect(dockerCommandFor('engine.info', {})).toBe('docker info');
    expect(dockerCommandFor('engine.ping', {})).toBe('docker version');
    expect(dockerCommandFor('images.list', {})).toBe('docker images');
    expect(dockerCommandFor('images.list', { all: false })).toBe('docker images');
    expect(dockerCommandFor('images.list', { all: true })).toBe('docker images -a');
  });

  it('containers.list', () => {
    expect(dockerCommandFor('containers.list', {})).toBe('docker ps');
    expect(dockerCommandFor('containers.list', { all: true })).toBe('docker ps -a');
  });

  it('start, pause, unpause', () => {
    expect(dockerCommandFor('containers.start', { id: 'web' })).toBe('docker start web');
    expect(dockerCommandFor('containers.pause', { id: 'abc123' })).toBe('docker pause abc123');
    expect(dockerCommandFor('containers.unpause', { id: ' /web ' })).toBe('docker unpause web');
  });

  it('stop and restart take -t only when a timeout is given', () => {
    expect(dockerCommandFor('containers.stop', { id: 'web' })).toBe('docker stop web');
    expect(dockerCommandFor('containers.stop', { id: 'web', timeout: 10 })).toBe('docker stop -t 10 web');
    expect(dockerCommandFor('containers.stop', { id: 'web', timeout: 0 })).toBe('docker stop -t 0 web');
    expect(dockerCommandFor('containers.restart', { id: 'web' })).toBe('docker restart web');
    expect(dockerCommandFor('containers.restart', { id: 'web', timeout: 3 })).toBe('docker restart -t 3 web');
  });

  it('kill names the signal only when it is not SIGKILL', () => {
    expect(dockerCommandFor('containers.kill', { id: 'web' })).toBe('docker kill web');
    expect(dockerCommandFor('containers.kill', { id: 'web', signal: 'SIGKILL' })).toBe('docker kill web');
    expect(dockerCommandFor('containers.kill', { id: 'web', signal: 'KILL' })).toBe('docker kill web');
    expect(dockerCommandFor('containers.kill', { id: 'web', signal: 'SIGTERM' })).toBe('docker kill -s SIGTERM web');
    expect(dockerCommandFor('containers.kill', { id: 'web', signal: 'HUP' })).toBe('docker kill -s HUP web');
  });

  it('remove maps force and volumes to -f and -v', () => {
    expect(dockerCommandFor('containers.remove', { id: 'web' })).toBe('docker rm web');
    expect(dockerCommandFor('containers.remove', { id: 'web', force: true })).toBe('docker rm -f web');
    expect(dockerCommandFor('containers.remove', { id: 'web', volumes: true })).toBe('docker rm -v web');
    expect(dockerCommandFor('containers.remove', { id: 'web', force: true, volumes: true })).toBe('docker rm -f -v web');
  });

  it('quotes odd ids and guards one that looks like a flag', () => {
    expect(dockerCommandFor('containers.start', { id: 'a b' })).toBe(`docker start 'a b'`);
    expect(dockerCommandFor('containers.start', { id: '-f' })).toBe('docker start -- -f');
  });

  it('lists the channels it knows', () => {
    expect(CLI_CHANNELS).toHaveLength(19);
    expect(hasCliCommand('containers.stop')).toBe(true);
    expect(hasCliCommand('engine.state')).toBe(false);
  });
});

describe('create and run', () => {
  it('omits every default', () => {
    expect(create({ image: 'busybox' })).toBe('docker create busybox');
    expect(create(createContainerSpec.parse({ image: 'busybox' }))).toBe('docker create busybox');
    expect(dockerCommandFor('containers.run', { image: 'busybox:1.36' })).toBe('docker run -d busybox:1.36');
    expect(create({ image: 'busybox', entrypoint: [], command: [], restartPolicy: { name: 'no' }, logConfig: {} })).toBe('docker create busybox');
  });

  it('writes a full spec in the CLI flag forms and order', () => {
    const spec: CreateContainerSpec = {
      image: 'registry.example/app:1.2',
      name: 'web-1',
      env: [
        { key: 'MODE', value: 'prod' },
        { key: 'GREETING', value: 'hello world' },
      ],
      ports: [
        { containerPort: 80, hostPort: 8080 },
        { containerPort: 53, protocol: 'udp', hostIp: '0.0.0.0' },
        { containerPort: 443, hostIp: '::1', hostPort: 8443 },
      ],
      mounts: [
        { type: 'bind', source: '/srv/site', target: '/usr/share/site', readOnly: true },
        { type: 'volume', source: 'data', target: '/data' },
        { type: 'volume', target: '/cache' },
      ],
      tty: true,
      openStdin: true,
      restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
      resources: { memoryBytes: 64 * 1024 * 1024, nanoCpus: 1_500_000_000, pidsLimit: 100 },
      logConfig: { maxSize: '10M', maxFile: 3 },
      labels: { 'berth.test': '1', tier: 'front end' },
      workingDir: '/app',
      user: '1000:1000',
      entrypoint: ['/bin/sh', '-c'],
      command: ['echo "$HOME"; sleep 10'],
    };
    expect(create(spec)).toBe(
      "docker create --name web-1 -e MODE=prod -e 'GREETING=hello world'" +
        " -p 127.0.0.1:8080:80 -p 0.0.0.0::53/udp -p '[::1]:8443:443'" +
        ' --mount type=bind,source=/srv/site,target=/usr/share/site,readonly' +
        ' --mount type=volume,source=data,target=/data --mount type=volume,target=/cache' +
        ' -t -i --restart on-failure:3 --memory 64m --cpus 1.5 --pids-limit 100' +
        ' --log-driver json-file --log-opt max-size=10m --log-opt max-file=3' +
        " --label berth.test=1 --label 'tier=front end' -w /app -u 1000:1000" +
        ' --entrypoint /bin/sh registry.example/app:1.2 -c \'echo "$HOME"; sleep 10\'',
    );
    expect(dockerCommandFor('containers.run', spec)).toBe(create(spec).replace('docker create', 'docker run -d'));
  });

  it('restart policies', () => {
    expect(create({ image: 'i', restartPolicy: { name: 'always' } })).toBe('docker create --restart always i');
    expect(create({ image: 'i', restartPolicy: { name: 'unless-stopped' } })).toBe('docker create --restart unless-stopped i');
    expect(create({ image: 'i', restartPolicy: { name: 'on-failure' } })).toBe('docker create --restart on-failure i');
  });

  it('log options alone', () => {
    expect(create({ image: 'i', logConfig: { maxSize: '512k' } })).toBe('docker create --log-driver json-file --log-opt max-size=512k i');
  });

  it('keeps a one-word entrypoint and puts the rest of a longer one before the command', () => {
    expect(create({ image: 'i', entrypoint: ['tini'], command: ['run'] })).toBe('docker create --entrypoint tini i run');
    expect(create({ image: 'i', entrypoint: ['python', '-u', 'app.py'] })).toBe('docker create --entrypoint python i -u app.py');
    expect(create({ image: 'i', entrypoint: [''] })).toBe("docker create --entrypoint '' i");
  });

  it('CSV-quotes mount fields with commas or quotes', () => {
    expect(create({ image: 'i', mounts: [{ type: 'bind', source: '/a,b', target: '/say "x"' }] })).toBe(
      `docker create --mount 'type=bind,"source=/a,b","target=/say ""x"""' i`,
    );
  });
});

describe('formatting', () => {
  it('memory in the shortest exact unit', () => {
    expect(formatMemory(6 * 1024 * 1024)).toBe('6m');
    expect(formatMemory(2 * 1024 ** 3)).toBe('2g');
    expect(formatMemory(1536 * 1024 * 1024)).toBe('1536m');
    expect(formatMemory(7 * 1024 * 1024 + 1024)).toBe('7169k');
    expect(formatMemory(7 * 1024 * 1024 + 1)).toBe('7340033b');
  });

  it('cpus as an exact decimal', () => {
    expect(formatCpus(1_000_000_000)).toBe('1');
    expect(formatCpus(1_500_000_000)).toBe('1.5');
    expect(formatCpus(1_000_000)).toBe('0.001');
    expect(formatCpus(2_100_000_001)).toBe('2.100000001');
  });
});

describe('quoting round trip', () => {
  const nasty = ["it's", 'say "hi"', '$HOME', '`id`', 'a\nb', 'héllo ✓', '', '-x', 'back\\slash', '*', ' lead'];
  const spec: CreateContainerSpec = {
    image: 'busybox',
    name: 'web',
    env: nasty.map((value, index) => ({ key: `V${index}`, value })),
    labels: Object.fromEntries(nasty.map((value, index) => [`l${index}`, value])),
    mounts: [{ type: 'bind', source: "/it's here", target: '/$HOME dir' }],
    entrypoint: ['/bin/sh', '-c'],
    command: nasty,
  };
  const expected = [
    'docker',
    'create',
    '--name',
    'web',
    ...nasty.flatMap((value, index) => ['-e', `V${index}=${value}`]),
    '--mount',
    "type=bind,source=/it's here,target=/$HOME dir",
    ...nasty.flatMap((value, index) => ['--label', `l${index}=${value}`]),
    '--entrypoint',
    '/bin/sh',
    'busybox',
    '-c',
    ...nasty,
  ];

  it('the argv is what the CLI would receive', () => {
    expect(dockerArgvFor('containers.create', spec)).toEqual(expected);
  });

  it('splitShellWords reads the command back into the same argv', () => {
    expect(words(create(spec))).toEqual(expected);
  });

  it('real sh reads the command back into the same argv', () => {
    expect(shWords(create(spec))).toEqual(expected);
    const stop = dockerCommandFor('containers.stop', { id: "we'b $x", timeout: 5 });
    expect(shWords(stop)).toEqual(['docker', 'stop', '-t', '5', "we'b $x"]);
  });
});

describe('registries and --pull', () => {
  it('--pull only when not the default (missing)', () => {
    expect(create({ image: 'nginx' })).toBe('docker create nginx');
    expect(create({ image: 'nginx', pull: 'missing' })).toBe('docker create nginx');
    expect(create({ image: 'nginx', pull: 'always' })).toBe('docker create --pull always nginx');
    expect(dockerCommandFor('containers.run', { image: 'nginx', pull: 'never', name: 'web' })).toBe('docker run -d --name web --pull never nginx');
  });

  it('pull, push, tag, history, login and logout', () => {
    expect(dockerCommandFor('images.pull', { reference: 'nginx:1.27' })).toBe('docker pull nginx:1.27');
    expect(dockerCommandFor('images.pull', { reference: 'nginx', platform: 'linux/arm64' })).toBe('docker pull --platform linux/arm64 nginx');
    expect(dockerCommandFor('images.push', { reference: '127.0.0.1:5000/app:1' })).toBe('docker push 127.0.0.1:5000/app:1');
    expect(dockerCommandFor('images.tag', { source: 'abc', repository: 'app' })).toBe('docker tag abc app');
    expect(dockerCommandFor('images.tag', { source: 'abc', repository: 'app', tag: '2' })).toBe('docker tag abc app:2');
    expect(dockerCommandFor('images.history', { id: 'app:2' })).toBe('docker image history app:2');
    expect(dockerCommandFor('registries.logout', { server: 'docker.io' })).toBe('docker logout');
    expect(dockerCommandFor('registries.logout', { server: 'reg.example.com' })).toBe('docker logout reg.example.com');
  });

  it('login never carries the password', () => {
    const line = dockerCommandFor('registries.login', { server: 'reg.example.com', username: 'me', password: 's3cret$' });
    expect(line).toBe('docker login -u me reg.example.com');
    expect(dockerCommandFor('registries.login', { server: 'https://index.docker.io/v1/', username: 'me', password: 'x' })).toBe('docker login -u me');
  });
});
