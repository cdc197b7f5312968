/**
 * The command registry: views register what can be done right now (with a translated title), the
 * command palette lists it, and shortcuts run it. Plain TypeScript, no React (see CommandsProvider).
 */
export interface AppCommand {
  /** Unique while registered, e.g. `container.stop` or `view.engine`. */
  id: string;
  /** Translated, as the palette shows it. */
  title: string;
  /** Translated section name, e.g. "Container: web" or "Go to". */
  group: string;
  /** More words the palette matches (untranslated names, ids, synonyms). */
  keywords?: readonly string[];
  /** A shortcut from SHORTCUTS (commands/shortcuts.ts) that runs this command. */
  shortcutId?: string;
  run(): void;
}

type Listener = () => void;

export class CommandRegistry {
  private readonly owners = new Map<symbol, readonly AppCommand[]>();
  private readonly listeners = new Set<Listener>();
  private snapshot: readonly AppCommand[] = [];

  /** Registers (or replaces) one owner's commands. Returns the function that removes them. */
  set(owner: symbol, commands: readonly AppCommand[]): () => void {
    this.owners.set(owner, commands);
    this.changed();
    return () => {
      if (this.owners.delete(owner)) this.changed();
    };
  }

  /** Every registered command, later registrations first when ids collide (the innermost view wins). */
  list(): readonly AppCommand[] {
    return this.snapshot;
  }

  find(id: string): AppCommand | undefined {
    return this.snapshot.find((command) => command.id === id);
  }

  findByShortcut(shortcutId: string): AppCommand | undefined {
    return this.snapshot.find((command) => command.shortcutId === shortcutId);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    const seen = new Set<string>();
    const all: AppCommand[] = [];
    for (const commands of [...this.owners.values()].reverse()) {
      for (const command of commands) {
        if (seen.has(command.id)) continue;
        seen.add(command.id);
        all.push(command);
      }
    }
    this.snapshot = all;
    for (const listener of [...this.listeners]) listener();
  }
}
