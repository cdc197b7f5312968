/**
 * The docker CLI lines of actions that read something and then act on it in Berth: opening a
 * published port, and the export's "Import as image…" prefill. Quoted for POSIX sh.
 */
import { joinShellWords } from './shell-quote';

/** `docker port web 80/tcp`: the host addresses "Open" chooses from (IPv4 first; 0.0.0.0 opens as 127.0.0.1). */
export function dockerPortLookupCommand(container: string, containerPort: number, protocol = 'tcp'): string {
  return joinShellWords(['docker', 'port', container, `${containerPort}/${protocol}`]);
}

/** What "Import as image…" fills the change lines from: the container's own Config (CMD, ENV, …). */
export function containerConfigCommand(container: string): string {
  return joinShellWords(['docker', 'inspect', '--format', '{{json .Config}}', container]);
}
