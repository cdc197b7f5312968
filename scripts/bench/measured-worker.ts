// A bench's child process running the real dispatcher, and what it costs: each request's reply
// with the child's idle RSS before and peak RSS during it. The peak is the kernel's VmHWM after
// resetting it with clear_refs; where that is refused, VmRSS sampled every 5 ms.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export interface WorkerReply {
  ok: boolean;
  ms?: number;
  bytes?: number;
  error?: string;
  result?: Record<string, string>;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} for ${pid}`);
  return Number(match[1]);
}

export class MeasuredWorker {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;

  /** `script`: a worker that sends one message when ready, then answers each request with a WorkerReply. */
  constructor(script: string) {
    this.child = fork(script, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.ready = new Promise((resolve) => this.child.once('message', () => resolve()));
  }

  async send(request: object): Promise<WorkerReply> {
    await this.ready;
    return new Promise((resolve) => {
      this.child.once('message', (reply: WorkerReply) => resolve(reply));
      this.child.send(request);
    });
  }

  /** Runs one request; resolves its reply with the child's idle RSS before and peak RSS during it (MB). */
  async measured(request: object): Promise<WorkerReply & { idleMb: number; peakMb: number }> {
    await this.ready;
    const pid = this.child.pid!;
    const idleKb = statusKb(pid, 'VmRSS');
    let hwmReset = true;
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      hwmReset = false;
    }
    // Sampling costs CPU that the transfer would then compete for (2 cores): only without VmHWM.
    let sampledKb = idleKb;
    const sampler = hwmReset ? undefined : setInterval(() => (sampledKb = Math.max(sampledKb, statusKb(pid, 'VmRSS'))), 5);
    const reply = await this.send(request);
    clearInterval(sampler);
    const peakKb = hwmReset ? statusKb(pid, 'VmHWM') : sampledKb;
    return { ...reply, idleMb: idleKb / 1024, peakMb: peakKb / 1024 };
  }

  async exit(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.send({ op: 'exit' });
    await new Promise((resolve) => this.child.once('exit', resolve));
  }
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
