import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { CommandRegistry, type AppCommand } from './registry';
import { isMacPlatform, matchingShortcut } from './shortcuts';

const CommandsContext = createContext<CommandRegistry | null>(null);

export function CommandsProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new CommandRegistry());
  useGlobalShortcuts(registry);
  return <CommandsContext.Provider value={registry}>{children}</CommandsContext.Provider>;
}

export function useCommandRegistry(): CommandRegistry {
  const registry = useContext(CommandsContext);
  if (!registry) throw new Error('useCommandRegistry outside CommandsProvider');
  return registry;
}

/**
 * Registers `commands` while the calling component is mounted. Pass a memoized array (useMemo
 * with the state the commands' `run` closes over): a new array re-registers.
 */
export function useRegisterCommands(commands: readonly AppCommand[]): void {
  const registry = useCommandRegistry();
  const [owner] = useState(() => Symbol('commands'));
  useEffect(() => registry.set(owner, commands), [registry, owner, commands]);
}

/** Every registered command, live. */
export function useCommandList(): readonly AppCommand[] {
  const registry = useCommandRegistry();
  return useSyncExternalStore(
    (listener) => registry.subscribe(listener),
    () => registry.list(),
  );
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'number', 'password', 'tel', 'url', 'date', 'datetime-local', 'month', 'time', 'week']);

/** Whether a key typed at `target` would type text (so plain-key shortcuts must leave it alone). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * One keydown listener for every shortcut. Left alone: keys inside `[data-shortcuts="off"]` (a
 * terminal wants Ctrl+K for itself), plain keys while typing, and everything while a modal dialog
 * is open (it owns the keyboard; the palette handles its own toggle key).
 */
function useGlobalShortcuts(registry: CommandRegistry): void {
  useEffect(() => {
    const isMac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      const shortcut = matchingShortcut(event, isMac);
      if (!shortcut) return;
      const target = event.target;
      if (target instanceof Element && target.closest('[data-shortcuts="off"]')) return;
      if (!shortcut.whileTyping && isTypingTarget(target)) return;
      if (document.querySelector('dialog[open]')) return;
      const command = registry.findByShortcut(shortcut.id);
      if (!command) return;
      event.preventDefault();
      command.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry]);
}
