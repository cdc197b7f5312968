import { useCallback, useEffect, useRef, type SyntheticEvent } from 'react';

/**
 * A native modal <dialog>: shown on mount (focus stays inside, the page behind is inert), closed on
 * unmount; Escape calls onCancel unless locked (e.g. while a transfer runs and must be cancelled first).
 */
export function useModalDialog(onCancel: () => void, locked = false) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const handleCancel = useCallback(
    (event: SyntheticEvent<HTMLDialogElement>) => {
      event.preventDefault();
      if (!locked) onCancel();
    },
    [onCancel, locked],
  );
  return { ref, onCancel: handleCancel };
}
