// One child at a time in its own process group, for the npm scripts that drive long tools (vitest,
// electron-vite, a bench): signals are forwarded by us (the group is detached so a Ctrl+C reaches
// it once), and whatever the group left behind (vitest workers, a browser) is killed when its leader exits.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

function killPid(pid, sig, group) {
  try {
    process.kill(group ? -pid : pid, sig);
  } catch {
    /* already gone */
  }
}

/**
 * @param {{ cwd: string, log: (msg: string) => void }} options
 */
export function childGroupRunner({ cwd, log }) {
  let current = null; // { child, done } until its leader exits

  /** Signals the running child: its whole process group, or with `group` false only the leader. */
  function signal(sig, group = true) {
    if (current) killPid(current.child.pid, sig, group);
  }

  /** Runs `cmd`; resolves its exit code. After `timeoutMs` it gets SIGTERM, 15 s later the group SIGKILL. */
  function run(cmd, args, env, timeoutMs = Infinity) {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    const done = new Promise((resolve) => {
      let hardKill;
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            log(`${path.basename(cmd)} ${args.join(' ')}: no end after ${timeoutMs / 1000} s; SIGTERM`);
            killPid(child.pid, 'SIGTERM', false);
            hardKill = setTimeout(() => killPid(child.pid, 'SIGKILL', true), 15_000);
          }, timeoutMs)
        : undefined;
      const finish = (code) => {
        clearTimeout(timer);
        clearTimeout(hardKill);
        killPid(child.pid, 'SIGKILL', true);
        current = null;
        resolve(code);
      };
      child.once('error', (err) => {
        log(`${cmd}: ${err.message}`);
        finish(127);
      });
      child.once('exit', (code, sig) => finish(code ?? 128 + (os.constants.signals[sig] ?? 1)));
    });
    current = { child, done };
    return done;
  }

  /** Ends the running child, if any: SIGTERM to its group, SIGKILL after `graceMs`. */
  async function stop(graceMs = 10_000) {
    if (!current) return;
    const { done } = current;
    signal('SIGTERM');
    const exited = await Promise.race([done.then(() => true), new Promise((resolve) => setTimeout(resolve, graceMs, false))]);
    if (!exited) {
      log(`child did not exit in ${graceMs / 1000} s: SIGKILL`);
      signal('SIGKILL');
    }
  }

  return { run, signal, stop };
}

/**
 * Calls `onFirst(sig)` on the first SIGINT/SIGTERM (the caller stops its child, then cleans up);
 * a second one exits at once without cleanup.
 */
export function onInterrupt(log, onFirst) {
  let seen = false;
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      if (seen) {
        log(`second ${sig}: exiting without cleanup`);
        process.exit(130);
      }
      seen = true;
      onFirst(sig);
    });
  }
}
