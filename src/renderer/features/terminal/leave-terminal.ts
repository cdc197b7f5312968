import { isMacPlatform, keyLabels, matchesKeys, shortcutById, type KeyEventLike } from '../../commands/shortcuts';

// A terminal takes Tab (and Shift+Tab) for the shell, so it has one key of its own to give the focus back.
const LEAVE_KEYS = shortcutById('leaveTerminal')?.keys ?? [];
const IS_MAC = isMacPlatform();

export function isLeaveKey(event: KeyEventLike): boolean {
  return LEAVE_KEYS.some((keys) => matchesKeys(event, keys, IS_MAC));
}

/** "Ctrl+Shift+F6" (⌘+⇧+F6 on a Mac): the leave key as the hint next to the terminal writes it. */
export function leaveKeysText(): string {
  return LEAVE_KEYS[0] ? keyLabels(LEAVE_KEYS[0], IS_MAC).join('+') : '';
}

/** The same keys as aria-keyshortcuts spells them. */
export function leaveKeysAria(): string {
  return LEAVE_KEYS[0]?.replace('Mod', IS_MAC ? 'Meta' : 'Control') ?? '';
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]';

/**
 * Moves the focus to the control just before `terminal` in the Tab order (the session's buttons
 * above it), from where Shift+Tab goes on to the tabs and the rest of the window.
 */
export function focusBefore(terminal: HTMLElement): void {
  const candidates = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) =>
      element.tabIndex >= 0 &&
      !element.matches(':disabled') &&
      !terminal.contains(element) &&
      element.getClientRects().length > 0 &&
      (element.compareDocumentPosition(terminal) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
  candidates.at(-1)?.focus();
}
