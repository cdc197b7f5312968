/** Whether the page is shown; the stats store pauses every stream while it is not. */
export interface PageVisibility {
  hidden(): boolean;
  /** Returns the function that stops listening. */
  onChange(listener: () => void): () => void;
}

/** The document's own visibility: hidden when the window is minimised or the tab is in the background. */
export const documentVisibility: PageVisibility = {
  hidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  onChange(listener) {
    if (typeof document === 'undefined') return () => undefined;
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};
