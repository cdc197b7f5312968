import os from 'node:os';
import path from 'node:path';

/**
 * Where browser mode (and tests) keep settings: $BERTH_SETTINGS_DIR, else $XDG_CONFIG_HOME/berth,
 * else ~/.config/berth. The desktop app uses Electron's user data folder instead.
 */
export function browserModeSettingsDir(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  if (env.BERTH_SETTINGS_DIR) return path.resolve(env.BERTH_SETTINGS_DIR);
  const configHome = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(configHome, 'berth');
}
