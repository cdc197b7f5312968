import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const displays = vi.hoisted(() => ({
  primary: { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
  others: [] as Array<{ id: number; workArea: { x: number; y: number; width: number; height: number } }>,
}));
vi.mock('electron', () => ({
  screen: {
    getPrimaryDisplay: () => displays.primary,
    getAllDisplays: () => [displays.primary, ...displays.others],
  },
}));

const { initialWindowState, parseWindowState, restorableBounds, trackWindowState, windowStateFile } = await import('../../../src/main/electron/window-state');

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 1000 };

describe('restoring the window bounds', () => {
  it('keeps bounds that are on a display', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: false };
    expect(restorableBounds(saved, [primary])).toEqual(saved);
    expect(restorableBounds({ ...saved, x: 2000 }, [primary, right])).toEqual({ ...saved, x: 2000 });
  });

  it('centres (no position) a window whose display is gone, keeping its size', () => {
    expect(restorableBounds({ x: 2500, y: 100, width: 1100, height: 700, maximized: true }, [primary])).toEqual({
      width: 1100,
      height: 700,
      maximized: true,
    });
  });

  it('shrinks a window larger than its display and pulls it fully onto it', () => {
    expect(restorableBounds({ x: 1800, y: -5, width: 3000, height: 2000, maximized: false }, [primary, right])).toEqual({
      x: 1920,
      y: 0,
      width: 1280,
      height: 1000,
      maximized: false,
    });
    expect(restorableBounds({ x: 1500, y: 600, width: 1100, height: 700, maximized: false }, [primary])).toEqual({
      x: 820,
      y: 340,
      width: 1100,
      height: 700,
      maximized: false,
    });
  });

  it('a window whose title bar is off screen (above the display) is not kept there', () => {
    expect(restorableBounds({ x: 100, y: -600, width: 1100, height: 700, maximized: false }, [primary])).toEqual({
      width: 1100,
      height: 700,
      maximized: false,
    });
  });

  it('never goes below the minimum size, and reads damaged state as the defaults', () => {
    expect(restorableBounds({ x: 0, y: 0, width: 10, height: 10, maximized: false }, [primary])).toMatchObject({ width: 1024, height: 640 });
    expect(parseWindowState({ x: 'a', y: 3, width: Number.NaN, maximized: 'yes' })).toEqual({ width: 1280, height: 820, maximized: false });
    expect(parseWindowState(undefined)).toEqual({ width: 1280, height: 820, maximized: false });
  });
});

class FakeWindow extends EventEmitter {
  bounds = { x: 10, y: 20, width: 1100, height: 700 };
  maximized = false;
  getNormalBounds() {
    return this.bounds;
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return false;
  }
}

describe('saving the window bounds', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'berth-window-'));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  it('saves the normal bounds a moment after moving, and at once on close; the next start restores them', async () => {
    const file = windowStateFile(dir);
    const window = new FakeWindow();
    trackWindowState(window as never, file);
    vi.useFakeTimers();
    window.bounds = { x: 200, y: 100, width: 1100, height: 760 };
    window.emit('move');
    window.emit('resize');
    await vi.advanceTimersByTimeAsync(1000);
    vi.useRealTimers();
    await expect
      .poll(async () => JSON.parse(await readFile(path.join(dir, 'window-state.json'), 'utf8').catch(() => '{}')))
      .toEqual({
        x: 200,
        y: 100,
        width: 1100,
        height: 760,
        maximized: false,
      });
    window.maximized = true;
    window.emit('close');
    await expect.poll(async () => (JSON.parse(await readFile(path.join(dir, 'window-state.json'), 'utf8')) as { maximized: boolean }).maximized).toBe(true);
    expect(await initialWindowState(windowStateFile(dir))).toEqual({ x: 200, y: 100, width: 1100, height: 760, maximized: true });
  });
});
