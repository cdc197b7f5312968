/** What the user asked for when opening a session; kept so the session can be restarted. */
export interface SessionSpec {
  /** shell: `exec -it`; command: a one-off `exec` without a TTY; attach: the main process. */
  kind: 'shell' | 'command' | 'attach';
  containerId: string;
  containerName: string;
  /** Absent for a shell: the container's own (bash, else sh). */
  command?: string[];
  user?: string;
  workingDir?: string;
  env?: Array<{ key: string; value: string }>;
  /** Attach: replay earlier output first. */
  logs?: boolean;
  /** Attach: start the container once attached (run -it). */
  start?: boolean;
  detachKeys?: string;
}
