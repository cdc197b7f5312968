import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FilesDialogProps {
  title: string;
  onClose(): void;
  wide?: boolean;
  children: ReactNode;
}

/** A modal <dialog> for the Files and Changes tabs: focus stays inside, Escape closes. */
export function FilesDialog({ title, onClose, wide = false, children }: FilesDialogProps) {
  const { t } = useTranslation('files');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog files-dialog${wide ? ' wide' : ''}`}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="files-dialog-header">
        <h2>{title}</h2>
        <button type="button" className="ghost small" onClick={onClose} aria-label={t('dialog.close')}>
          {t('dialog.closeMark')}
        </button>
      </header>
      {children}
    </dialog>
  );
}
