/** Where a chunk of session output came from: a TTY merges everything into one stream. */
export type OutputStream = 'tty' | 'stdout' | 'stderr';

/** Why a session ended (besides an error frame: the engine went away, the exec could not start). */
export type SessionEndReason =
  /** The process ended: `exitCode` is its status. For attach, the container's main process. */
  | 'exited'
  /** The container stopped under an exec session. */
  | 'container-stopped'
  /** Attach only: the detach keys were typed (or the engine detached); the container keeps running. */
  | 'detached';

/** Messages on `exec.session` and `attach.session`. */
export type SessionMessage =
  | {
      kind: 'ready';
      /** Names the session in exec.input / exec.resize / exec.ack (attach.* for attach sessions). */
      sessionId: string;
      containerId: string;
      containerName: string;
      /** What runs: the exec's command, or the container's path and args for attach. */
      command: string[];
      tty: boolean;
      /** False: the process's standard input is not connected (a read-only console). */
      stdin: boolean;
      /** Exec sessions: the engine's exec id. */
      execId?: string;
    }
  /** Output bytes (base64: binary-safe). Frames are batched, so one may hold many writes. */
  | { kind: 'output'; stream: OutputStream; data: string }
  | { kind: 'ended'; reason: SessionEndReason; exitCode: number | null };

export interface SessionAck {
  /** The session is still open in main. */
  open: boolean;
}

export interface OpenedLink {
  /** False in browser mode (the page opens it itself), and when the user chose Copy or Cancel. */
  opened: boolean;
}
