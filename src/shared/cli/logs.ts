import { cliLogTime } from '../logs/time';
import { joinShellWords, quoteShellWord } from './shell-quote';

export interface LogsCliOptions {
  name: string;
  tail: number | 'all';
  since: string;
  until: string;
  follow: boolean;
  timestamps: boolean;
}

/** `docker logs` with the options the view uses (times in a form the CLI takes, meaning what Berth read). */
export function dockerLogsCommand({ name, tail, since, until, follow, timestamps }: LogsCliOptions): string {
  const words = ['docker', 'logs'];
  if (follow) words.push('--follow');
  if (tail !== 'all') words.push('--tail', String(tail));
  if (since) words.push('--since', cliLogTime(since));
  if (until) words.push('--until', cliLogTime(until));
  if (timestamps) words.push('--timestamps');
  words.push(name);
  return joinShellWords(words);
}

/** What "Download log" does, on the command line. */
export function dockerLogsDownloadCommand(name: string, timestamps: boolean, fileName: string): string {
  const words = ['docker', 'logs', ...(timestamps ? ['--timestamps'] : []), name];
  return `${joinShellWords(words)} > ${quoteShellWord(fileName)} 2>&1`;
}
