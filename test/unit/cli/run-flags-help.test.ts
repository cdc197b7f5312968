// Every flag the installed docker CLIs list in `docker run --help` and `docker create --help` is
// known to the parser (with the same one-letter form and whether it takes a value), and parseRun
// either fills the spec from it or names it in `unsupported`: none is dropped or misread.
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunLine } from '../../../src/shared/containers/run-parse';
import { RUN_FLAGS } from '../../../src/shared/containers/run-flags';

interface HelpFlag {
  long: string;
  short?: string;
  takesValue: boolean;
}

/** `  -p, --publish list   Publish…` and `      --init       Run an init…`: a type word means the flag takes a value. */
const HELP_LINE = /^\s+(?:-(\S), )?--([a-z0-9-]+)(?: ([a-z0-9-]+))?(?:\s{2,}|$)/;

function helpFlags(docker: string, subcommand: 'run' | 'create'): HelpFlag[] {
  const help = execFileSync(docker, [subcommand, '--help'], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent' } });
  return help.split('\n').flatMap((line) => {
    const match = HELP_LINE.exec(line);
    if (!match) return [];
    return [{ long: match[2]!, ...(match[1] ? { short: match[1] } : {}), takesValue: match[3] !== undefined }];
  });
}

/** Debian's docker.io, and whichever docker is first on PATH when it is another binary. */
const clis = [...new Set(['/usr/bin/docker', '/usr/local/bin/docker'].filter(existsSync).map((p) => realpathSync(p)))];

/** Flags that change what the CLI prints or waits for, not the container: read, and nothing to fill. */
const CLIENT_ONLY = ['detach', 'quiet'];

describe.each(clis)('%s', (docker) => {
  for (const subcommand of ['run', 'create'] as const) {
    it(`knows every flag of ${subcommand} --help and fills or reports each`, () => {
      const flags = helpFlags(docker, subcommand);
      expect(flags.length).toBeGreaterThan(80);
      for (const flag of flags) {
        const known = RUN_FLAGS[flag.long];
        expect(known, `--${flag.long} is not in RUN_FLAGS`).toBeDefined();
        expect(known?.kind, `--${flag.long} takes a value?`).toBe(flag.takesValue ? 'value' : 'bool');
        expect(known?.short, `--${flag.long}'s one-letter form`).toBe(flag.short);

        const forms = [`--${flag.long}`, ...(flag.short ? [`-${flag.short}`] : [])];
        for (const written of forms) {
          const line = `docker ${subcommand} ${written}${flag.takesValue ? ' x' : ''} busybox`;
          const result = parseRunLine(line);
          if (!result.ok) throw new Error(`${line}: ${result.error}`);
          const { spec, unsupported } = result.parsed;
          // The value was not taken for the image: the flag consumed exactly its own words.
          expect(spec.image, line).toBe('busybox');
          const reported = unsupported.some((u) => u.flag === written && (!flag.takesValue || u.value === 'x'));
          const filled = Object.keys(spec).length > 1;
          expect(reported || filled || CLIENT_ONLY.includes(flag.long), `${line}: neither filled nor reported`).toBe(true);
          expect(reported && filled, `${line}: both filled and reported`).toBe(false);
        }
      }
    });
  }
});
