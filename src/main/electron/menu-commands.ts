import type { MenuCommand } from '../../shared/types/desktop';

const listeners = new Set<(command: MenuCommand) => void>();

/** The menu's side: pass a command to every open `menu.watch` stream (every window's renderer). */
export function sendMenuCommand(command: MenuCommand): void {
  for (const listener of [...listeners]) listener(command);
}

/** The stream's side. Returns the function that stops listening. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
