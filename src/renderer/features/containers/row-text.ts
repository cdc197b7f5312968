import type { ContainerSummary, PublishedPort } from '../../../shared/types/containers';
import { ACTIONS, isApplicable, type ActionName } from './actions';

export function publishedPortText(port: PublishedPort): string {
  const target = `${port.containerPort}/${port.protocol}`;
  if (!port.hostPort) return target;
  const ip = port.hostIp?.includes(':') ? `[${port.hostIp}]` : (port.hostIp ?? '');
  return `${ip}:${port.hostPort}→${target}`;
}

/** A row shows two lines of ports; a third and more are counted on the second line (all in its title). */
const PORT_LINES = 2;

/** The published ports of a row, one per line: all of them, or the first and a count of the rest. */
export function portLines(container: ContainerSummary, more: (count: number) => string): { lines: string[]; all: string } {
  const published = container.ports.filter((port) => port.hostPort).map(publishedPortText);
  const lines = published.length <= PORT_LINES ? published : [published[0] ?? '', more(published.length - 1)];
  return { lines, all: published.join('\n') };
}

/** The row buttons of a container: its applicable actions (in ACTIONS order), then Export. */
export function rowActions(container: ContainerSummary): ActionName[] {
  return ACTIONS.filter((action) => isApplicable(action, container.state));
}
