import type { ActionName } from './actions';

/** 16×16 strokes in currentColor, so the icons follow the theme and the danger colour. */
const PATHS: Record<ActionName | 'export', string> = {
  start: 'M5 3.5v9l7.5-4.5z',
  unpause: 'M5 3.5v9l7.5-4.5z',
  stop: 'M4.5 4.5h7v7h-7z',
  pause: 'M5 4v8M11 4v8',
  restart: 'M12.5 8a4.5 4.5 0 1 1-1.4-3.3M12.5 2.5v3h-3',
  kill: 'M4 4l8 8M12 4l-8 8',
  remove: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5',
  export: 'M8 2.5v7M5 6.5l3 3 3-3M3 11.5v2h10v-2',
};
const FILLED = new Set(['start', 'unpause', 'stop']);

export function ActionIcon({ action }: { action: ActionName | 'export' }) {
  const filled = FILLED.has(action);
  return (
    <svg className="action-icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d={PATHS[action]}
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth={filled ? 1 : 1.6}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
