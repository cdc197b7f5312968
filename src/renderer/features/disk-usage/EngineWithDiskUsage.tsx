import type { EngineState } from '../../../shared/types/engine';
import { EngineView } from '../engine';
import { DiskUsageSection } from './DiskUsageSection';

/** The Engine view (`docker info`) followed by `docker system df -v`. */
export function EngineWithDiskUsage({ engineState }: { engineState: EngineState | undefined }) {
  return (
    <EngineView engineState={engineState}>
      <DiskUsageSection connected={engineState?.status === 'connected'} />
    </EngineView>
  );
}
