import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './useModalDialog';

interface ModalProps {
  title: string;
  onClose(): void;
  /** While true, Escape does not close (a transfer is running: Cancel it first). */
  locked?: boolean;
  wide?: boolean;
  /** Names the feature's styles (size, and what differs from `.modal-header`): `<kind>-dialog`, `<kind>-dialog-header`. */
  kind: string;
  children: ReactNode;
}

/** A modal <dialog> with a title bar and a close button: focus stays inside, Escape closes. */
export function Modal({ title, onClose, locked = false, wide = false, kind, children }: ModalProps) {
  const { t } = useTranslation();
  const { ref, onCancel } = useModalDialog(onClose, locked);
  return (
    <dialog ref={ref} className={`dialog ${kind}-dialog${wide ? ' wide' : ''}`} aria-label={title} onCancel={onCancel}>
      <header className={`modal-header ${kind}-dialog-header`}>
        <h2>{title}</h2>
        <button type="button" className="ghost small" onClick={onClose} disabled={locked} aria-label={t('actions.close')}>
          ✕
        </button>
      </header>
      {children}
    </dialog>
  );
}
