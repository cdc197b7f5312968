import { joinShellWords, quoteShellWord } from '../../../shared/cli/shell-quote';

export { dockerLogsCommand } from '../../../shared/cli/logs-command';

/** What "Download log" does, on the command line. */
export function dockerLogsDownloadCommand(name: string, timestamps: boolean, fileName: string): string {
  const words = ['docker', 'logs', ...(timestamps ? ['--timestamps'] : []), name];
  return `${joinShellWords(words)} > ${quoteShellWord(fileName)} 2>&1`;
}
