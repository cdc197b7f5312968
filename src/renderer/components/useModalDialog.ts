import { useCallback, useEffect, useRef, useState, type SyntheticEvent } from 'react';

/**
 * Gives the focus back to what had it before a dialog opened, once the dialog is gone. React
 * removes the <dialog> before its effects clean up, so the browser's own return (on close()) finds
 * it detached and leaves the focus on <body>. Nothing is moved if the dialog's command put the
 * focus somewhere on purpose, or if the opener is gone.
 */
export function useFocusReturn(): void {
  // Read while rendering: before an autoFocus inside the dialog takes the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      const now = document.activeElement;
      if (opener?.isConnected && (now === null || now === document.body)) opener.focus();
    },
    [opener],
  );
}

/**
 * A native modal <dialog>: shown on mount (focus stays inside, the page behind is inert), closed on
 * unmount, the focus given back to its opener; Escape calls onCancel unless locked (e.g. while a transfer runs and must be cancelled first).
 */
export function useModalDialog(onCancel: () => void, locked = false) {
  const ref = useRef<HTMLDialogElement>(null);
  useFocusReturn();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const handleCancel = useCallback(
    (event: SyntheticEvent<HTMLDialogElement>) => {
      // React passes a nested dialog's cancel (Escape) up its tree: only this dialog's own closes it.
      if (event.target !== event.currentTarget) return;
      event.preventDefault();
      if (!locked) onCancel();
    },
    [onCancel, locked],
  );
  return { ref, onCancel: handleCancel };
}
