export interface TestRegistry {
  /** `127.0.0.1:PORT` */
  host: string;
  port: number;
  dir: string;
  username?: string;
  password?: string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}
export function freePort(): Promise<number>;
export function startRegistry(options?: { auth?: boolean }): Promise<TestRegistry>;
export function pushRandomImage(dockerHost: string, ref: string, megabytes: number): Promise<void>;
export function pushTaggedImage(dockerHost: string, source: string, ref: string): Promise<void>;
