// Real-engine test bed: find or start a Docker engine and build the test images.
// Plain Node 20 ESM, no dependencies. See DESIGN.md "Tests against a real engine".
//   node scripts/test-engine.mjs up   -> start engine + images, print exports, wait for Ctrl-C
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync, readSync, readFileSync, readdirSync, rmdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const TEST_IMAGES = Object.freeze({
  busybox: 'berth-test/busybox:latest',
  noshell: 'berth-test/noshell:latest',
});
const DEFAULT_SOCKET = '/var/run/docker.sock';
const SHELLS = new Set(['sh', 'ash', 'hush', 'bash']);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (msg) => process.stderr.write(`[test-engine] ${msg}\n`);

/** Run a command; never throws for a non-zero exit. Resolves { stdout, stderr, code }. */
export function run(cmd, args, { env, timeout = 0, input } = {}) {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { env: { ...process.env, ...env }, timeout, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ stdout, stderr: stderr || (err ? String(err.message) : ''), code });
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

/** The docker CLI against one engine. Throws on failure unless { check: false }. */
export async function docker(dockerHost, args, { check = true, timeout = 120_000 } = {}) {
  const res = await run('docker', args, { env: { DOCKER_HOST: dockerHost }, timeout });
  if (check && res.code !== 0) {
    throw new Error(`docker ${args.join(' ')} failed (exit ${res.code}): ${res.stderr.trim() || res.stdout.trim()}`);
  }
  return res;
}

async function engineAnswers(dockerHost, timeout = 5000) {
  const res = await docker(dockerHost, ['version', '--format', '{{.Server.Version}}'], { check: false, timeout });
  return res.code === 0 && res.stdout.trim() !== '';
}

function onPath(name) {
  return (process.env.PATH || '').split(':').some((dir) => dir && existsSync(path.join(dir, name)));
}

/**
 * Use the engine DOCKER_HOST or the default socket answers on; else (Linux, root) start a private
 * dockerd under a temp dir. Resolves { dockerHost, isPrivate, stop() }.
 */
export async function ensureEngine() {
  if (!onPath('docker')) throw new Error('The docker CLI is not on PATH (Debian: apt-get install docker.io).');
  const candidates = [];
  if (process.env.DOCKER_HOST) candidates.push(process.env.DOCKER_HOST);
  else if (existsSync(DEFAULT_SOCKET)) candidates.push(`unix://${DEFAULT_SOCKET}`);
  for (const dockerHost of candidates) {
    if (await engineAnswers(dockerHost)) {
      log(`using the engine at ${dockerHost}`);
      return { dockerHost, isPrivate: false, stop: async () => {} };
    }
    log(`no engine answers at ${dockerHost}; trying a private dockerd`);
  }
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    throw new Error(
      'No Docker engine answers (DOCKER_HOST / /var/run/docker.sock), and a private dockerd can only ' +
        'be started on Linux as root. Start Docker, or set DOCKER_HOST to a running engine.',
    );
  }
  if (!onPath('dockerd')) throw new Error('No Docker engine answers and dockerd is not installed (apt-get install docker.io).');
  return startPrivateEngine();
}

/**
 * Start a private dockerd under a new temp dir (own bridge, data root, exec root, socket), with
 * `extraArgs` added (e.g. a TLS listener).
 * Resolves { dockerHost, isPrivate, dir, pid, stop(), kill(signal), restart() }: kill() ends the
 * daemon with a signal (SIGKILL: as if it crashed; SIGTERM: a clean stop) and waits for it to exit;
 * restart() starts it again on the same data root and socket. stop() cleans everything up.
 */
export async function startPrivateEngine({ extraArgs = [] } = {}) {
  const started = Date.now();
  const base = os.tmpdir().length <= 40 ? os.tmpdir() : '/tmp'; // unix socket paths: max 108 chars
  const dir = await mkdtemp(path.join(base, 'bt-'));
  const tag = path
    .basename(dir)
    .slice(3)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x');
  const dockerHost = `unix://${dir}/docker.sock`;
  // No iptables/ip_forward changes on the host: published ports go through docker-proxy (the
  // userland proxy), which is all tests need (they only reach ports on 127.0.0.1).
  const args = [
    `--data-root=${dir}/data`,
    `--exec-root=${dir}/exec`,
    `--pidfile=${dir}/docker.pid`,
    `-H=${dockerHost}`,
    '--iptables=false',
    '--ip6tables=false',
    '--ip-forward=false',
    '--ip-masq=false',
    '--userland-proxy=true',
    '--shutdown-timeout=3',
    `--containerd-namespace=berth-${tag}`,
    `--containerd-plugins-namespace=berth-${tag}-plugins`,
    ...extraArgs,
  ];
  // Own bridge with its own subnet, so a private engine never shares docker0/IPAM with another one.
  const bridge = await createBridge(`berth-${tag}`.slice(0, 15));
  if (bridge) args.push(`--bridge=${bridge}`);
  // dockerd/containerd create these host-wide dirs regardless of --exec-root: remove them if we did.
  const runDirs = ['/run/containerd/s', '/run/containerd', '/run/docker/plugins', '/run/docker'].filter((d) => !existsSync(d));

  let daemon = null; // { child, exited, exitPromise } of the dockerd now running
  const launch = () => {
    const logFd = openSync(path.join(dir, 'dockerd.log'), 'a');
    const child = spawn('dockerd', args, { stdio: ['ignore', logFd, logFd], detached: true });
    closeSync(logFd);
    child.unref();
    const current = { child, exited: null, exitPromise: null };
    current.exitPromise = new Promise((resolve) =>
      child.once('exit', (code, sig) => {
        current.exited = { code, sig };
        resolve();
      }),
    );
    child.once('error', (err) => {
      current.exited = { code: -1, err };
    });
    daemon = current;
  };
  const waitReady = async () => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (daemon.exited) throw new Error(`dockerd exited during start-up (${JSON.stringify(daemon.exited.err?.message ?? daemon.exited)})`);
      if (await engineAnswers(dockerHost, 5000)) return;
      if (Date.now() > deadline) throw new Error('dockerd did not answer within 60 s');
      await sleep(200);
    }
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const stopStart = Date.now();
    if (!daemon.exited) {
      const ids = await docker(dockerHost, ['ps', '-aq'], { check: false, timeout: 10_000 });
      const list = ids.stdout.split(/\s+/).filter(Boolean);
      if (list.length) await docker(dockerHost, ['rm', '-f', '-v', ...list], { check: false, timeout: 30_000 });
      daemon.child.kill('SIGTERM');
      const ok = await Promise.race([daemon.exitPromise.then(() => true), sleep(30_000).then(() => false)]);
      if (!ok) {
        log('dockerd did not stop in 30 s: SIGKILL');
        daemon.child.kill('SIGKILL');
        await daemon.exitPromise;
      }
    }
    await killLeftovers(dir);
    await unmountUnder(dir);
    for (let i = 0; i < 5; i++) {
      try {
        await rm(dir, { recursive: true, force: true });
        break;
      } catch (err) {
        if (i === 4) log(`could not remove ${dir}: ${err.message}`);
        else await sleep(300);
      }
    }
    if (bridge) await run('ip', ['link', 'delete', bridge]);
    for (const d of runDirs) {
      try {
        rmdirSync(d);
      } catch {
        /* not empty or gone */
      }
    }
    log(`private dockerd stopped in ${Date.now() - stopStart} ms`);
  };

  /** Signals dockerd and waits until it has exited (a SIGTERM that takes over 30 s is followed by SIGKILL). */
  const kill = async (signal) => {
    if (daemon.exited) return;
    // A crash takes the containerd that dockerd started with it (else it lingers ~10 s, exiting).
    const containerd = signal === 'SIGKILL' ? readPid(path.join(dir, 'exec', 'containerd', 'containerd.pid')) : undefined;
    daemon.child.kill(signal);
    if (containerd) {
      try {
        process.kill(containerd, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    const ok = await Promise.race([daemon.exitPromise.then(() => true), sleep(30_000).then(() => false)]);
    if (!ok) {
      log(`dockerd did not exit on ${signal} in 30 s: SIGKILL`);
      daemon.child.kill('SIGKILL');
      await daemon.exitPromise;
    }
  };

  /** Starts dockerd again on the same data root, exec root and socket; resolves once it answers. */
  const restart = async () => {
    if (stopped) throw new Error('the private engine was stopped');
    if (!daemon.exited) throw new Error('dockerd is still running: kill() it first');
    await forgetExitingContainerd(dir);
    launch();
    try {
      await waitReady();
    } catch (err) {
      throw new Error(`${err.message}\n--- dockerd.log (tail) ---\n${readTail(path.join(dir, 'dockerd.log'))}`);
    }
    return daemon.child.pid;
  };

  launch();
  try {
    await waitReady();
  } catch (err) {
    const tail = readTail(path.join(dir, 'dockerd.log'));
    await stop().catch(() => {});
    throw new Error(`${err.message}\n--- dockerd.log (tail) ---\n${tail}`);
  }
  log(`private dockerd (pid ${daemon.child.pid}) at ${dockerHost}, ready in ${Date.now() - started} ms`);
  return {
    dockerHost,
    isPrivate: true,
    dir,
    stop,
    kill,
    restart,
    get pid() {
      return daemon.child.pid;
    },
  };
}

/**
 * dockerd reuses a containerd that its pid file names while that process is alive. One that is
 * exiting with its killed dockerd (or a zombie nobody reaped) would make the new dockerd wait for it
 * in vain: wait for it to go, then remove the stale pid file.
 */
async function forgetExitingContainerd(dir) {
  const pidFile = path.join(dir, 'exec', 'containerd', 'containerd.pid');
  const pid = readPid(pidFile);
  if (!pid) return;
  const running = () => alive(pid) && !isZombie(pid);
  const deadline = Date.now() + 10_000;
  while (running() && Date.now() < deadline) await sleep(100);
  if (!running()) await rm(pidFile, { force: true });
}

function readPid(file) {
  try {
    return Number(readFileSync(file, 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

function isZombie(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

function readTail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function createBridge(name) {
  if (!onPath('ip')) return null;
  const used = (await run('ip', ['-4', '-o', 'addr'])).stdout + (await run('ip', ['-4', 'route'])).stdout;
  for (let i = 0; i < 20; i++) {
    const [a, b] = [200 + (randomBytes(1)[0] % 50), randomBytes(1)[0]];
    if (used.includes(` 10.${a}.${b}.`)) continue;
    const steps = [
      ['link', 'add', 'name', name, 'type', 'bridge'],
      ['addr', 'add', `10.${a}.${b}.1/24`, 'dev', name],
      ['link', 'set', name, 'up'],
    ];
    for (const step of steps) {
      const res = await run('ip', step);
      if (res.code !== 0) {
        log(`could not create bridge ${name} (${res.stderr.trim()}); using the default bridge`);
        await run('ip', ['link', 'delete', name]);
        return null;
      }
    }
    return name;
  }
  return null;
}

/**
 * Kill processes still referring to our temp dir (containerd, shims after a SIGKILL), by pid, and
 * first their children (container init processes: killing one ends its whole pid namespace).
 */
async function killLeftovers(dir) {
  const procs = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      procs.push({ pid: Number(entry), ppid, ours: readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(`${dir}/`) });
    } catch {
      /* gone */
    }
  }
  const pids = new Set(procs.filter((p) => p.ours).map((p) => p.pid));
  const children = procs.filter((p) => pids.has(p.ppid) && !pids.has(p.pid)).map((p) => p.pid);
  const kill = (pid, sig) => {
    try {
      process.kill(pid, sig);
    } catch {
      /* gone */
    }
  };
  for (const pid of children) kill(pid, 'SIGKILL');
  for (const pid of pids) kill(pid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while ([...pids].some(alive) && Date.now() < deadline) await sleep(100);
  for (const pid of [...pids].filter(alive)) kill(pid, 'SIGKILL');
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function unmountUnder(dir) {
  const mounts = readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1]?.replace(/\\040/g, ' '))
    .filter((m) => m && (m === dir || m.startsWith(`${dir}/`)))
    .sort((a, b) => b.length - a.length);
  for (const m of mounts) {
    const res = await run('umount', [m]);
    if (res.code !== 0) await run('umount', ['-l', m]);
  }
}

/** Fails unless the file is an ELF without a PT_INTERP segment (i.e. statically linked). */
function assertStaticElf(file) {
  const fd = openSync(file, 'r');
  try {
    const hdr = Buffer.alloc(64);
    readSync(fd, hdr, 0, 64, 0);
    if (hdr.readUInt32BE(0) !== 0x7f454c46 || hdr[4] !== 2) throw new Error(`${file} is not a 64-bit ELF`);
    const phoff = Number(hdr.readBigUInt64LE(0x20));
    const phentsize = hdr.readUInt16LE(0x36);
    const phnum = hdr.readUInt16LE(0x38);
    const ph = Buffer.alloc(phentsize * phnum);
    readSync(fd, ph, 0, ph.length, phoff);
    for (let i = 0; i < phnum; i++) {
      if (ph.readUInt32LE(i * phentsize) === 3) throw new Error(`${file} is dynamically linked; install busybox-static`);
    }
  } finally {
    closeSync(fd);
  }
}

function findBusybox() {
  const file = ['/bin/busybox', '/usr/bin/busybox'].find((f) => existsSync(f));
  if (!file) throw new Error('busybox not found (Debian: apt-get install busybox-static)');
  assertStaticElf(file);
  return file;
}

async function buildImage(dockerHost, ref, { withShell }) {
  const busybox = findBusybox();
  const applets = (await run(busybox, ['--list'])).stdout
    .split('\n')
    .map((s) => s.trim())
    .filter((a) => a && a !== 'busybox' && !a.includes('/') && (withShell || !SHELLS.has(a)));
  if (applets.length < 50) throw new Error(`${busybox} --list gave only ${applets.length} applets`);
  const work = await mkdtemp(path.join(os.tmpdir(), 'berth-img-'));
  try {
    const root = path.join(work, 'root');
    for (const d of ['bin', 'etc', 'root', 'proc', 'sys', 'dev', 'home', 'var']) await mkdir(path.join(root, d), { recursive: true });
    await mkdir(path.join(root, 'tmp'));
    await chmod(path.join(root, 'tmp'), 0o1777);
    await chmod(path.join(root, 'root'), 0o700);
    await writeFile(path.join(root, 'bin', 'busybox'), readFileSync(busybox), { mode: 0o755 });
    for (const a of applets) await symlink('busybox', path.join(root, 'bin', a));
    await writeFile(path.join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
    await writeFile(path.join(root, 'etc', 'group'), 'root:x:0:\nnobody:x:65534:\n');
    const tarFile = path.join(work, 'rootfs.tar');
    const tar = await run('tar', ['--numeric-owner', '--owner=0', '--group=0', '-C', root, '-cf', tarFile, '.']);
    if (tar.code !== 0) throw new Error(`tar failed: ${tar.stderr}`);
    const cmd = withShell ? '["/bin/sh"]' : '["/bin/busybox","sleep","3600"]';
    await docker(dockerHost, ['import', '--change', `CMD ${cmd}`, '--change', 'LABEL berth.test=1', tarFile, ref]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const check = withShell ? ['echo', 'hi'] : ['/bin/busybox', 'echo', 'hi'];
  const res = await docker(dockerHost, ['run', '--rm', '--label', 'berth.test=1', ref, ...check]);
  if (res.stdout.trim() !== 'hi') throw new Error(`${ref} smoke run printed ${JSON.stringify(res.stdout)}`);
}

/** Build berth-test/busybox and berth-test/noshell from busybox-static, each only when missing. */
export async function ensureTestImages(dockerHost) {
  const started = Date.now();
  for (const [key, ref] of Object.entries(TEST_IMAGES)) {
    const present = await docker(dockerHost, ['image', 'inspect', '--format', '{{.Id}}', ref], { check: false });
    if (present.code === 0) continue;
    await buildImage(dockerHost, ref, { withShell: key === 'busybox' });
    log(`built ${ref}`);
  }
  log(`test images ready in ${Date.now() - started} ms`);
  return { ...TEST_IMAGES };
}

const lines = (s) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Remove every container/volume/network labelled berth.test=1 and every berth-test/ image except the bases. */
export async function cleanupTestObjects(dockerHost) {
  const q = (args) => docker(dockerHost, args, { check: false, timeout: 60_000 });
  const label = 'label=berth.test=1';
  const containers = lines((await q(['ps', '-aq', '--filter', label])).stdout);
  if (containers.length) await q(['rm', '-f', '-v', ...containers]);
  const keep = new Set(Object.values(TEST_IMAGES));
  const images = lines((await q(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'])).stdout)
    // berth-test/ repositories, also those named with a test registry (127.0.0.1:PORT/berth-test/…)
    .filter((ref) => /^([^/]+\/)?berth-test\//.test(ref) && !keep.has(ref))
    .map((ref) => ref.replace(/:<none>$/, ''));
  if (images.length) await q(['image', 'rm', '-f', ...images]);
  const dangling = lines((await q(['image', 'ls', '-q', '--filter', 'dangling=true', '--filter', label])).stdout);
  if (dangling.length) await q(['image', 'rm', '-f', ...new Set(dangling)]);
  const volumes = lines((await q(['volume', 'ls', '-q', '--filter', label])).stdout);
  if (volumes.length) await q(['volume', 'rm', '-f', ...volumes]);
  const networks = lines((await q(['network', 'ls', '-q', '--filter', label])).stdout);
  if (networks.length) await q(['network', 'rm', ...networks]);
  return { containers: containers.length, images: images.length + dangling.length, volumes: volumes.length };
}

/** The end of a run: the test objects removed, then the engine stopped (a private one), each failure logged, none thrown. */
export async function cleanupAndStop(engine, report) {
  try {
    const removed = await cleanupTestObjects(engine.dockerHost);
    report(`cleanup: removed ${removed.containers} containers, ${removed.images} images, ${removed.volumes} volumes`);
  } catch (err) {
    report(`cleanup failed: ${err.message}`);
  }
  try {
    await engine.stop();
  } catch (err) {
    report(`stopping the engine failed: ${err.message}`);
  }
}

async function up() {
  const engine = await ensureEngine();
  let done = false;
  const finish = async (sig) => {
    if (done) return;
    done = true;
    log(`${sig}: cleaning up`);
    await cleanupTestObjects(engine.dockerHost).catch((e) => log(`cleanup failed: ${e.message}`));
    await engine.stop();
    process.exit(0);
  };
  process.on('SIGINT', finish);
  process.on('SIGTERM', finish);
  try {
    const images = await ensureTestImages(engine.dockerHost);
    process.stdout.write(
      `export DOCKER_HOST=${engine.dockerHost}\nexport BERTH_TEST_IMAGE=${images.busybox}\n` + `export BERTH_TEST_NOSHELL_IMAGE=${images.noshell}\n`,
    );
    log(engine.isPrivate ? 'private engine running; Ctrl-C to stop it' : 'Ctrl-C to clean up test objects');
    setInterval(() => {}, 1 << 30);
  } catch (err) {
    log(err.stack || String(err));
    await engine.stop();
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  if (process.argv[2] === 'up')
    up().catch((err) => {
      log(err.stack || String(err));
      process.exit(1);
    });
  else {
    process.stderr.write('usage: node scripts/test-engine.mjs up\n');
    process.exit(2);
  }
}
