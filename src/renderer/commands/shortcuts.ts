/**
 * Every keyboard shortcut, in one list: the shortcuts dialog shows it, the global key handler
 * matches it, and commands refer to it by id. `Mod` is Cmd on macOS and Ctrl elsewhere.
 *
 * Alt+Shift+letter for container actions: browsers keep Ctrl+Shift+letter for themselves (new
 * window, reopen tab, …), and a plain letter is too easy to press by accident.
 */
export interface ShortcutSpec {
  id: string;
  /** Alternatives, e.g. ['Delete', 'Mod+Backspace']. */
  keys: readonly string[];
  section: 'general' | 'containers' | 'terminal';
  /** Also while typing in a text field (only Mod combinations: they type nothing). */
  whileTyping?: boolean;
}

export const SHORTCUTS: readonly ShortcutSpec[] = [
  { id: 'palette', keys: ['Mod+K'], section: 'general', whileTyping: true },
  { id: 'shortcuts', keys: ['?'], section: 'general' },
  { id: 'settings', keys: ['Mod+,'], section: 'general', whileTyping: true },
  { id: 'filter', keys: ['/'], section: 'containers' },
  { id: 'newContainer', keys: ['Alt+Shift+N'], section: 'containers' },
  { id: 'start', keys: ['Alt+Shift+S'], section: 'containers' },
  { id: 'stop', keys: ['Alt+Shift+X'], section: 'containers' },
  { id: 'restart', keys: ['Alt+Shift+R'], section: 'containers' },
  { id: 'pause', keys: ['Alt+Shift+P'], section: 'containers' },
  { id: 'unpause', keys: ['Alt+Shift+U'], section: 'containers' },
  { id: 'kill', keys: ['Alt+Shift+K'], section: 'containers' },
  { id: 'remove', keys: ['Delete', 'Mod+Backspace'], section: 'containers' },
  { id: 'rename', keys: ['F2'], section: 'containers' },
  // Handled by the terminal itself (no command): Tab belongs to the shell there, so this is the
  // way out. Ctrl+Shift+F-keys reach no shell program; a browser keeps none of them.
  { id: 'leaveTerminal', keys: ['Mod+Shift+F6'], section: 'terminal' },
];

interface ParsedKeys {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

function parseKeys(keys: string): ParsedKeys {
  const parts = keys.split('+');
  // "Mod++" would be a plus key; none is used, so the last part is the key.
  const key = parts.pop() ?? '';
  return { mod: parts.includes('Mod'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), key };
}

export interface KeyEventLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Letters and digits match the physical key (event.code), so Alt+Shift+S works on macOS where it
 * types "Í"; punctuation matches the character, whatever Shift it took to type it ("?").
 */
export function matchesKeys(event: KeyEventLike, keys: string, isMac: boolean): boolean {
  const wanted = parseKeys(keys);
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const otherMod = isMac ? event.ctrlKey : event.metaKey;
  if (mod !== wanted.mod || otherMod || event.altKey !== wanted.alt) return false;
  if (/^[A-Z]$/.test(wanted.key)) return event.code === `Key${wanted.key}` && event.shiftKey === wanted.shift;
  if (/^[0-9]$/.test(wanted.key)) return event.code === `Digit${wanted.key}` && event.shiftKey === wanted.shift;
  if (wanted.key.length > 1) return event.key === wanted.key && event.shiftKey === wanted.shift;
  return event.key === wanted.key;
}

export function matchingShortcut(event: KeyEventLike, isMac: boolean): ShortcutSpec | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.keys.some((keys) => matchesKeys(event, keys, isMac)));
}

export function shortcutById(id: string): ShortcutSpec | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.id === id);
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧', Backspace: '⌫', Delete: '⌦' };
const PC_NAMES: Record<string, string> = { Mod: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Backspace: 'Backspace', Delete: 'Delete' };

/** The keys to show, one <kbd> each: ['Ctrl', 'K'] or ['⌘', 'K']. */
export function keyLabels(keys: string, isMac: boolean): string[] {
  const names = isMac ? MAC_SYMBOLS : PC_NAMES;
  return keys.split('+').map((part) => names[part] ?? part);
}

export function isMacPlatform(): boolean {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return /mac/i.test(platform);
}
