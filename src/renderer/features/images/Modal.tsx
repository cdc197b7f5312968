import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../../components/useModalDialog';

interface ModalProps {
  title: string;
  onClose(): void;
  /** While true, Escape does not close (a transfer is running: Cancel it first). */
  locked?: boolean;
  wide?: boolean;
  children: ReactNode;
}

/** A modal <dialog> for the images feature's forms: focus stays inside, Escape closes. */
export function Modal({ title, onClose, locked = false, wide = false, children }: ModalProps) {
  const { t } = useTranslation('images');
  const { ref, onCancel } = useModalDialog(onClose, locked);
  return (
    <dialog ref={ref} className={`dialog images-dialog${wide ? ' wide' : ''}`} aria-label={title} onCancel={onCancel}>
      <header className="images-dialog-header">
        <h2>{title}</h2>
        <button type="button" className="ghost small" onClick={onClose} disabled={locked} aria-label={t('close')}>
          ✕
        </button>
      </header>
      {children}
    </dialog>
  );
}
