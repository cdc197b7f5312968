/**
 * The docker CLI lines of actions that read something and then act on it in Berth: opening a
 * published port, the export's "Import as image…" prefill, a changed file against its image.
 * Quoted for POSIX sh.
 */
import { joinShellWords, quoteShellWord } from './shell-quote';

/** `docker port web 80/tcp`: the host addresses "Open" chooses from (IPv4 first; 0.0.0.0 opens as 127.0.0.1). */
export function dockerPortLookupCommand(container: string, containerPort: number, protocol = 'tcp'): string {
  return joinShellWords(['docker', 'port', container, `${containerPort}/${protocol}`]);
}

/** What "Import as image…" fills the change lines from: the container's own Config (CMD, ENV, …). */
export function containerConfigCommand(container: string): string {
  return joinShellWords(['docker', 'inspect', '--format', '{{json .Config}}', container]);
}

/**
 * One changed file against its image, as the Changes tab reads it: the image's version from a
 * never-started container of the image (removed after), the container's from the container, then
 * `diff -u` (image first). Three lines of POSIX sh; it writes `<name>.image` in the current folder.
 */
export function imageFileDiffCommand(container: string, image: string, filePath: string): string {
  const base = filePath.split('/').filter(Boolean).at(-1) ?? 'root';
  const saved = quoteShellWord(`${base}.image`);
  const created = joinShellWords(['docker', 'create', '--network', 'none', image, '/berth-never-started']);
  return [
    `c=$(${created})`,
    `docker cp "$c":${quoteShellWord(filePath)} - | tar -xO > ${saved}; docker rm "$c" > /dev/null`,
    `${joinShellWords(['docker', 'cp', `${container}:${filePath}`, '-'])} | tar -xO | diff -u ${saved} -`,
  ].join('\n');
}
