// Valid values for contract fields guarded by custom refinements, which zodArbitrary cannot derive
// (times, paths, image repositories and tags, change lines, detach keys, links), by field name, or
// sizes worth following up.
import fc from 'fast-check';
import type { z } from 'zod';
import { contextName, engineHost, sshHost } from '../../src/shared/contract/engines';
import { absoluteContainerPath } from '../../src/shared/contract/schemas';
import type { SchemaPath } from './zod-arbitrary';

const containerPaths = fc.oneof(
  fc.stringMatching(/^\/[a-z0-9._ -]{0,12}(\/[a-z0-9._ -]{1,12}){0,3}$/),
  fc.constantFrom('/', '/etc/passwd', '/tmp', '/proc/self/environ', '/data/a file 한글', '/../../etc', '/a\0b', '/\u202Eevil', '/dev/zero'),
);

export function contractHint(at: SchemaPath, schema?: z.ZodType): fc.Arbitrary<unknown> | undefined {
  const key = at[at.length - 1];
  // Folders the test image has, so copies get as far as the engine.
  if (key === 'destination') return fc.oneof(fc.constantFrom('/tmp', '/', '/etc', '/tmp/'), containerPaths);
  if (schema === absoluteContainerPath) return containerPaths;
  // A tmpfs target is an absolute path with one more rule (no ':'), so a schema of its own.
  if (key === 'target' && at.includes('tmpfs')) return containerPaths;
  // --rm goes with no restart policy only: mostly off, so most generated specs stay valid.
  if (key === 'autoRemove') return fc.constantFrom(false, false, false, true);
  if (key === 'source' && at.includes('mounts')) return fc.constantFrom('/tmp', '/nonexistent-berth-fuzz', 'berth-fuzz-volume');
  // Small enough that the web fuzz sends the body (sizes near 2^53 come from the mutations).
  if (key === 'sizeBytes') return fc.oneof(fc.integer({ min: 0, max: 64 * 1024 }), fc.constantFrom(0, 1024, 10_240, Number.MAX_SAFE_INTEGER));
  if (key === 'ref') return fc.stringMatching(/^berth-test\/fuzz-[a-z0-9]{1,6}:[a-z0-9]{1,4}$/);
  if (key === 'since' || key === 'until') return fc.constantFrom('10m', '1h', '30s', '2020-01-01T00:00:00Z', '1700000000', 1_700_000_000, '2099-01-01');
  if (key === 'repository') return fc.stringMatching(/^berth-test\/fuzz-[a-z0-9]{1,8}$/);
  if (key === 'tag') return fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,12}$/);
  if (key === 'changes')
    return fc.array(fc.constantFrom('CMD ["sh"]', 'ENV A=b', 'WORKDIR /tmp', 'LABEL berth.fuzz=1', 'EXPOSE 80', 'USER 0', 'STOPSIGNAL SIGTERM'), {
      maxLength: 3,
    });
  if (key === 'detachKeys') return fc.constantFrom('ctrl-p,ctrl-q', 'ctrl-a', 'x', 'ctrl-@,a');
  // Pull and push references, registries: on a loopback port nothing listens on (fuzz-scope confines them too).
  if (key === 'reference') return fc.stringMatching(/^127\.0\.0\.1:9\/berth-test\/fuzz-[a-z0-9]{1,6}(:[a-z0-9]{1,4})?$/);
  if (key === 'server') return fc.constantFrom('127.0.0.1:9', 'http://127.0.0.1:9', 'https://127.0.0.1:9/v1/');
  if (key === 'platform') return fc.constantFrom('linux/amd64', 'linux/arm64/v8', 'windows/amd64');
  // containers.parseRun: real lines (and odd ones) reach the parser instead of stopping at "not a docker run line".
  if (key === 'commandLine') {
    return fc.oneof(
      fc.constantFrom(
        'docker run -d nginx',
        "docker run -dit --rm -p8080:80 -e 'A=b c' -v /a:/b:ro busybox sh -c 'x | y'",
        'docker container create --name=x --cap-add=ALL --health-interval 1m30s busybox',
        'docker run --rm=maybe -- -x',
        'docker run -e "unterminated',
      ),
      fc.string({ maxLength: 200 }).map((tail) => `docker run ${tail}`),
    );
  }
  // Volumes: the local driver (another one makes the engine look for a plugin for 15 s), and the options it
  // knows (a tmpfs volume), with an unknown one now and then.
  if (key === 'driver') return fc.constant('local');
  if (key === 'driverOptions')
    return fc.oneof(
      fc.constant({}),
      fc.constant({ type: 'tmpfs', device: 'tmpfs', o: 'size=1m' }),
      fc.dictionary(fc.constantFrom('type', 'device', 'o', 'bogus'), fc.constantFrom('tmpfs', 'size=1m', 'none', ''), { maxKeys: 3 }),
    );
  // Engine addresses: only sockets that do not exist and a loopback port nothing listens on (fuzz-scope confines them too).
  if (schema === engineHost)
    return fc.constantFrom('unix:///nonexistent-berth-fuzz.sock', 'tcp://127.0.0.1:9', 'ssh://fuzz@127.0.0.1:9', 'npipe://x', 'http://x');
  if (schema === sshHost) return fc.constantFrom('ssh://fuzz@127.0.0.1:9', 'ssh://127.0.0.1:9/run/docker.sock');
  if (key === 'fingerprint') return fc.constantFrom(`SHA256:${'A'.repeat(43)}`, 'MD5:aa', `SHA256:${'b'.repeat(43)}`);
  if (schema === contextName) return fc.stringMatching(/^fuzz-[a-z0-9]{1,8}$/);
  if ((key === 'ca' || key === 'cert' || key === 'key') && at.includes('tls'))
    return fc.constantFrom('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', 'not pem');
  // files.* take a container id or a volume, exactly one: a volume now and then, so most inputs name one target.
  if (key === 'volume' && schema?.safeParse(undefined).success)
    return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.stringMatching(/^berth-test-fuzz-vol-[a-z0-9]{1,6}$/) });
  // Compose projects: names compose would write, none of which the fuzz's engine has (fuzz-scope confines actions to none).
  if (key === 'project') return fc.stringMatching(/^berth-test-fuzz-none-[a-z0-9_-]{1,8}$/);
  if (key === 'taskId') return fc.stringMatching(/^r[0-9a-f]{24}$/);
  if (key === 'url') return fc.constantFrom('http://127.0.0.1:9/', 'https://example.invalid/a?b#c', 'http://[::1]/');
  return undefined;
}
