import type Docker from 'dockerode';
import { connectEngine } from './connection';
import { EngineMonitor } from './monitor';

/** One connected engine: the dockerode client, what it points at, and its liveness monitor. */
export interface Engine {
  docker: Docker;
  host: string;
  monitor: EngineMonitor;
}

export function createEngine(env: NodeJS.ProcessEnv = process.env): Engine {
  const { docker, host } = connectEngine(env);
  const monitor = new EngineMonitor(docker, host);
  return { docker, host, monitor };
}
