import { useTranslation } from 'react-i18next';
import type { LayerProgress } from '../../../shared/types/registries';
import { formatBytes } from '../../format/bytes';
import { ProgressBar } from './ProgressBar';
import { layerMoves, layerPercent } from './task-model';

/** One row per layer, as `docker pull` prints them, but with words and bars. */
export function LayerRows({ layers }: { layers: readonly LayerProgress[] }) {
  const { t } = useTranslation('registries');
  if (layers.length === 0) return null;
  return (
    <ul className="reg-layers" aria-label={t('task.layersLabel')}>
      {layers.map((layer) => {
        const phase = t(`layer.${layer.phase}`);
        const amount =
          layerMoves(layer) && layer.totalBytes !== undefined
            ? t('bytesOf', { done: formatBytes(layer.currentBytes), total: formatBytes(layer.totalBytes) })
            : layerMoves(layer)
              ? formatBytes(layer.currentBytes)
              : layer.totalBytes !== undefined && (layer.phase === 'done' || layer.phase === 'pushed')
                ? formatBytes(layer.totalBytes)
                : '';
        return (
          <li key={layer.id} className={`reg-layer reg-layer-${layer.phase}`} data-testid="layer-row" data-layer-phase={layer.phase}>
            <code className="reg-layer-id">{layer.id}</code>
            <span className="reg-layer-phase">{phase}</span>
            {layerMoves(layer) ? <ProgressBar label={t('layer.barLabel', { id: layer.id, phase })} percent={layerPercent(layer)} /> : <span />}
            <span className="reg-layer-amount mono">{amount}</span>
          </li>
        );
      })}
    </ul>
  );
}
