import type Docker from 'dockerode';
import type { EngineInfo, PingResult } from '../../../shared/types/engine';
import { engineCall } from './errors';

export async function engineInfo(docker: Docker, host: string): Promise<EngineInfo> {
  const [info, version] = await engineCall(() => Promise.all([docker.info(), docker.version()]), {
    action: 'read the engine info',
  });
  return {
    host,
    name: info.Name ?? '',
    serverVersion: info.ServerVersion ?? version.Version ?? '',
    apiVersion: version.ApiVersion ?? '',
    os: info.OperatingSystem ?? '',
    osType: info.OSType ?? version.Os ?? '',
    kernelVersion: info.KernelVersion ?? '',
    architecture: info.Architecture ?? version.Arch ?? '',
    cgroupVersion: String(info.CgroupVersion ?? ''),
    cgroupDriver: info.CgroupDriver ?? '',
    loggingDriver: info.LoggingDriver ?? '',
    storageDriver: info.Driver ?? '',
    cpus: info.NCPU ?? 0,
    memoryBytes: info.MemTotal ?? 0,
    containers: {
      total: info.Containers ?? 0,
      running: info.ContainersRunning ?? 0,
      paused: info.ContainersPaused ?? 0,
      stopped: info.ContainersStopped ?? 0,
    },
    images: info.Images ?? 0,
  };
}

export async function pingEngine(docker: Docker): Promise<PingResult> {
  const started = performance.now();
  const version = await engineCall(() => docker.version(), { action: 'reach the engine' });
  return { ok: true, apiVersion: version.ApiVersion, latencyMs: Math.round(performance.now() - started) };
}
