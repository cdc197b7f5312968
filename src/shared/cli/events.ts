/** The `docker events` lines of the Events view and a container's Events tab, quoted for POSIX sh. */
import { joinShellWords } from './shell-quote';

export interface EventsCommandOptions {
  types?: readonly string[];
  actions?: readonly string[];
  containers?: readonly string[];
  since?: string | number;
  until?: string | number;
}

/** `docker events --filter type=container --filter event=start --filter container=web --since 10m`. */
export function dockerEventsCommand(options: EventsCommandOptions = {}): string {
  const words = ['docker', 'events'];
  for (const type of options.types ?? []) words.push('--filter', `type=${type}`);
  for (const action of options.actions ?? []) words.push('--filter', `event=${action}`);
  for (const container of options.containers ?? []) words.push('--filter', `container=${container}`);
  if (options.since !== undefined && options.since !== '') words.push('--since', String(options.since));
  if (options.until !== undefined && options.until !== '') words.push('--until', String(options.until));
  return joinShellWords(words);
}

/**
 * A container's Events tab: its events since it was created, by its id. The id, not the name: the
 * engine matches `container=` by prefix, so a name would also take web2 and website for web.
 */
export function containerEventsQuery(container: { id: string; created: number }): { input: { containers: string[]; since: string }; command: string } {
  return {
    input: { containers: [container.id], since: String(container.created) },
    command: dockerEventsCommand({ containers: [container.id], since: container.created }),
  };
}
