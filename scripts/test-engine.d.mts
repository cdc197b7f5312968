// Types for the parts of test-engine.mjs that TypeScript tests use.
export declare const TEST_IMAGES: Readonly<{ busybox: string; noshell: string }>;

export interface PrivateEngine {
  dockerHost: string;
  isPrivate: true;
  dir: string;
  readonly pid: number | undefined;
  /** Removes every container, stops dockerd, and removes its folder, bridge and mounts. */
  stop(): Promise<void>;
  /** Signals dockerd (SIGKILL: a crash; SIGTERM: a clean stop) and waits until it has exited. */
  kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts dockerd again on the same data root and socket; resolves (its pid) once it answers. */
  restart(): Promise<number | undefined>;
}

export declare function startPrivateEngine(options?: { extraArgs?: readonly string[] }): Promise<PrivateEngine>;
export declare function ensureTestImages(dockerHost: string): Promise<{ busybox: string; noshell: string }>;
export declare function cleanupTestObjects(dockerHost: string): Promise<{ containers: number; images: number; volumes: number }>;
