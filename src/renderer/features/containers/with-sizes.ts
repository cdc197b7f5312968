import type { ContainerSizes, ContainerSummary } from '../../../shared/types/containers';

/** The fast list with the sizes of the last (slow) `ps --size` merged in, for the rows it knew. */
export function withSizes(containers: ContainerSummary[] | undefined, sizes: ReadonlyMap<string, ContainerSizes> | undefined): ContainerSummary[] | undefined {
  if (!containers || !sizes) return containers;
  return containers.map((container) => {
    const found = sizes.get(container.id);
    return found ? { ...container, sizes: found } : container;
  });
}
