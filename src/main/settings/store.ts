import path from 'node:path';
import { applySettingsPatch, settingsFromStored, type Settings, type SettingsPatch } from '../../shared/contract/settings';
import { jsonFileState } from './json-state';

const SETTINGS_FILE_NAME = 'settings.json';

export interface SettingsStore {
  readonly file: string;
  get(): Promise<Settings>;
  /** Merges the (already validated) patch, saves atomically, tells every watcher, returns the result. */
  update(patch: SettingsPatch): Promise<Settings>;
  /** Called after every saved change. Returns the function that stops watching. */
  watch(listener: (settings: Settings) => void): () => void;
}

export function createSettingsStore(dir: string): SettingsStore {
  const state = jsonFileState(path.join(dir, SETTINGS_FILE_NAME), settingsFromStored);
  const listeners = new Set<(settings: Settings) => void>();
  return {
    file: state.file,
    get: state.read,
    async update(patch) {
      const saved = await state.update((current) => applySettingsPatch(current, patch));
      for (const listener of [...listeners]) listener(saved);
      return saved;
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
