import type { ImageSummary } from '../../../shared/types/images';
import { useEngineListing, type ListingCache } from '../engine';

// Container events too: the "containers using it" count changes with them.
const IMAGE_EVENTS = {
  filter: { types: ['image' as const, 'container' as const], actions: ['import', 'commit', 'tag', 'untag', 'delete', 'create', 'destroy', 'pull', 'load'] },
  debounceMs: 150,
};

const lastListings: ListingCache<ImageSummary[]> = new WeakMap();

export interface ImagesState {
  images: ImageSummary[] | undefined;
  /** When the engine last gave this list (epoch ms). */
  listedAt: number | undefined;
  error: Error | undefined;
  refresh(): void;
}

/** The local images, re-listed when the engine reports an image or container event (not polled). */
export function useImages(connected: boolean): ImagesState {
  const { items, ...rest } = useEngineListing(connected, lastListings, (client, deliver) => client.invoke('images.list', {}).then(deliver), IMAGE_EVENTS);
  return { images: items, ...rest };
}
