// The disk usage feature's public entry: the Engine view with its Disk usage section.
export { EngineWithDiskUsage } from './EngineWithDiskUsage';
