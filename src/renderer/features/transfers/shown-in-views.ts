/**
 * The transfers a view is showing right now (its own TransferProgress, which says their end in the
 * app's live region): the tray does not say those again.
 */
const shown = new Map<string, number>();

export function markShownInView(transferId: string): () => void {
  shown.set(transferId, (shown.get(transferId) ?? 0) + 1);
  return () => {
    const count = (shown.get(transferId) ?? 1) - 1;
    if (count > 0) shown.set(transferId, count);
    else shown.delete(transferId);
  };
}

export const isShownInView = (transferId: string): boolean => shown.has(transferId);
