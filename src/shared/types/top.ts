/** `docker top`: the engine runs `ps` with the given arguments and returns its table. */
export interface ContainerProcesses {
  /** Column titles as ps printed them (UID, PID, PPID, C, STIME, TTY, TIME, CMD for `-ef`). */
  titles: string[];
  /** One row per process, one cell per title. */
  processes: string[][];
  /** The ps arguments that produced this table. */
  psArgs: string;
}
