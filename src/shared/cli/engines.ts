/** The docker CLI lines of engines (docker contexts), quoted for POSIX sh. */
import { joinShellWords } from './shell-quote';

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
