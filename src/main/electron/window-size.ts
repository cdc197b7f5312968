// Kept apart from window-state.ts (which needs Electron's `screen`) so tests can read the sizes.

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
/** The smallest window the layout is made for: every detail tab and list column stays reachable. */
export const MIN_WINDOW_SIZE = { width: 1024, height: 640 } as const;
