// `npm run fuzz`: the contract fuzz (test/integration/fuzz-contract.test.ts and fuzz-web.test.ts)
// for longer than `npm test` runs it, through the same runner (real engine, cleanup, summary line).
//   npm run fuzz                              random seed (printed), 1000 mutated inputs per channel
//   npm run fuzz -- --seed 123 --runs 20000   replay or extend a run
// --runs: mutated inputs per channel and transport; valid inputs are a share of it (fuzz-scope.ts).
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';

function option(name, fallback) {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isSafeInteger(value) || value < (name === 'runs' ? 1 : -(2 ** 31)) || value >= 2 ** 31) {
    process.stderr.write(`--${name} needs a whole number (got ${args[at + 1]})\n`);
    process.exit(2);
  }
  return value;
}

const seed = option('seed', randomInt(2 ** 31));
const runs = option('runs', 1000);
process.stderr.write(`[fuzz] seed ${seed}, ${runs} mutated inputs per channel and transport (replay: npm run fuzz -- --seed ${seed} --runs ${runs})\n`);
const child = spawn(process.execPath, ['scripts/test.mjs', 'test/integration/fuzz-contract.test.ts', 'test/integration/fuzz-web.test.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    BERTH_FUZZ_SEED: String(seed),
    BERTH_FUZZ_RUNS: String(runs),
    BERTH_FUZZ_LONG: '1',
    BERTH_SKIP_BUILD: process.env.BERTH_SKIP_BUILD ?? '1',
  },
});
// Ctrl-C reaches the runner from the terminal itself (a second SIGINT would make it skip cleanup).
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
