import { screen, type BrowserWindow, type Rectangle } from 'electron';
import path from 'node:path';
import { jsonFileState, type JsonFileState } from '../settings/json-state';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE } from './window-size';

export interface WindowState {
  /** Undefined: let the OS centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE };
/** How much of the window's top strip (its title bar) must be on a display to keep the position. */
const TITLE_BAR = { height: 40, minVisibleWidth: 120, minVisibleHeight: 20 } as const;
const SAVE_DELAY_MS = 400;

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function parseWindowState(raw: unknown): WindowState {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const state: WindowState = {
    width: finite(r.width) ? Math.round(r.width) : DEFAULT_WINDOW_SIZE.width,
    height: finite(r.height) ? Math.round(r.height) : DEFAULT_WINDOW_SIZE.height,
    maximized: r.maximized === true,
  };
  if (finite(r.x) && finite(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(max, value));

/**
 * Where to open the window: the saved bounds if enough of their title bar is on a display (then
 * fitted to the display it overlaps most: shrunk to fit and moved fully onto it), else the saved
 * size centred on the primary display. `workAreas[0]` is the primary display.
 */
export function restorableBounds(saved: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const fitSize = (area: Rectangle | undefined): { width: number; height: number } => ({
    width: clamp(saved.width, MIN_WINDOW_SIZE.width, Math.max(MIN_WINDOW_SIZE.width, area?.width ?? saved.width)),
    height: clamp(saved.height, MIN_WINDOW_SIZE.height, Math.max(MIN_WINDOW_SIZE.height, area?.height ?? saved.height)),
  });
  if (saved.x !== undefined && saved.y !== undefined) {
    const window = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
    const titleBar = { ...window, height: TITLE_BAR.height };
    const grabbable = workAreas.some((area) => {
      const shared = overlap(titleBar, area);
      return shared.width >= TITLE_BAR.minVisibleWidth && shared.height >= TITLE_BAR.minVisibleHeight;
    });
    const area = (rect: Rectangle): number => {
      const shared = overlap(window, rect);
      return Math.max(0, shared.width) * Math.max(0, shared.height);
    };
    const display = grabbable ? [...workAreas].sort((a, b) => area(b) - area(a))[0] : undefined;
    if (display) {
      const size = fitSize(display);
      return {
        x: clamp(saved.x, display.x, display.x + display.width - size.width),
        y: clamp(saved.y, display.y, display.y + display.height - size.height),
        ...size,
        maximized: saved.maximized,
      };
    }
  }
  return { ...fitSize(workAreas[0]), maximized: saved.maximized };
}

export function windowStateFile(dir: string): JsonFileState<WindowState> {
  return jsonFileState(path.join(dir, 'window-state.json'), parseWindowState);
}

/** The bounds to open with, checked against the displays connected now. */
export async function initialWindowState(file: JsonFileState<WindowState>): Promise<WindowState> {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return restorableBounds(await file.read(), [primary.workArea, ...others.map((display) => display.workArea)]);
}

/** Saves the window's normal (not maximized) bounds and whether it is maximized, a moment after it stops moving, and on close. */
export function trackWindowState(window: BrowserWindow, file: JsonFileState<WindowState>): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    void file.update(() => state).catch((err: unknown) => console.error('could not save the window state', err));
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
}
