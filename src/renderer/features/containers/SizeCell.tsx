import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSizes } from '../../../shared/types/containers';
import { formatBytes } from '../../format/bytes';

/** "12.0 MiB" over "(virtual 340 MiB)": `docker ps --size`'s one line, on two so the column stays narrow. */
export function sizeLines(sizes: ContainerSizes, t: (key: string, values: Record<string, string>) => string): [string, string] {
  return [formatBytes(sizes.sizeRw), t('list-tools:size.virtual', { virtual: formatBytes(sizes.sizeRootFs) })];
}

/** A row's size cell: "…" until the engine's (slow) size query has answered for this container. */
export function SizeCell({ sizes, label }: { sizes: ContainerSizes | undefined; label?: ReactNode }) {
  const { t } = useTranslation('list-tools');
  if (!sizes)
    return (
      <span role="gridcell" className="cell size-cell muted" data-size="pending">
        {label}
        {t('size.pending')}
      </span>
    );
  const [rw, virtual] = sizeLines(sizes, t);
  return (
    <span
      role="gridcell"
      className="cell size-cell"
      data-size-rw={sizes.sizeRw}
      title={t('size.cellTitle', { rw: formatBytes(sizes.sizeRw), virtual: formatBytes(sizes.sizeRootFs) })}
    >
      {label}
      <span>{rw}</span> <span className="muted size-virtual">{virtual}</span>
    </span>
  );
}
