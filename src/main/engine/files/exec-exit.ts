import type Docker from 'dockerode';

/**
 * The exec's state once it has exited, or its last state when `timeoutMs` passed first (then
 * `Running` is still true). The engine has no event for an exec's end, so it is asked every
 * `intervalMs`; an exec's output can end a moment before the engine records the exit.
 */
export async function execExitState(exec: Docker.Exec, { timeoutMs, intervalMs }: { timeoutMs: number; intervalMs: number }): Promise<Docker.ExecInspectInfo> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await exec.inspect();
    if (!state.Running || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
