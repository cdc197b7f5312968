/** The `docker stats` lines of the Stats tab, quoted for POSIX sh. */
import { joinShellWords } from './shell-quote';

/** `docker stats <name>…`: what the live charts follow. */
export function dockerStatsCommand(names: readonly string[]): string {
  return joinShellWords(['docker', 'stats', ...names]);
}

/** `docker stats --no-stream <name>`: the one-shot `containers.stats`. */
export function dockerStatsOnceCommand(name: string): string {
  return joinShellWords(['docker', 'stats', '--no-stream', name]);
}
