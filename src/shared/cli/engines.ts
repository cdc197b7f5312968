/** The docker CLI lines of engines (docker contexts), quoted for POSIX sh. */
import { joinShellWords, quoteShellWord } from './shell-quote';

export interface ContextCreateLine {
  name: string;
  host: string;
  description?: string | undefined;
  /** Which TLS files are given (the line names them as files, where the CLI reads them). */
  tls?: { ca: boolean; cert: boolean; key: boolean };
  skipVerify?: boolean;
}

export function contextCreateCommand({ name, host, description, tls, skipVerify }: ContextCreateLine): string {
  const endpoint = [
    `host=${host}`,
    ...(tls?.ca ? ['ca=ca.pem'] : []),
    ...(tls?.cert ? ['cert=cert.pem'] : []),
    ...(tls?.key ? ['key=key.pem'] : []),
    ...(skipVerify ? ['skip-tls-verify=true'] : []),
  ].join(',');
  return joinShellWords(['docker', 'context', 'create', ...(description ? ['--description', description] : []), '--docker', endpoint, '--', name]);
}

export const contextRemoveCommand = (name: string): string => joinShellWords(['docker', 'context', 'rm', '--', name]);

/** What a CLI line needs to know of the engine it ran on (an entry of engines.list). */
export interface CliEngine {
  id: string;
  endpoint: string;
  source: 'context' | 'env' | 'default' | 'added';
  /** The docker CLI would use it without a flag. */
  current: boolean;
}

/**
 * The global flag that points the docker CLI at the engine: none for the CLI's current engine,
 * `--context NAME` for a context, `-H HOST` for the engine of DOCKER_HOST or the default socket
 * (not a stored context).
 */
export function engineCliFlag(engine: CliEngine | undefined): string {
  if (!engine || engine.current) return '';
  if (engine.source === 'context' || engine.source === 'added') return `--context ${quoteShellWord(engine.id)}`;
  return `-H ${quoteShellWord(engine.endpoint)}`;
}

/** The line with the flag after every `docker` that starts a command in it (a line may chain several). */
export function withEngineFlag(line: string, flag: string): string {
  if (!flag) return line;
  return line.replace(/(^|&&\s*|;\s*|\|\s*|\$\()docker(?=\s|$)/g, (_match, before: string) => `${before}docker ${flag}`);
}
