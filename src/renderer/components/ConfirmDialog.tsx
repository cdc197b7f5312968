import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './useModalDialog';

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  danger?: boolean;
  /** The confirm button is off (a choice in the dialog is still needed). */
  confirmDisabled?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children?: ReactNode;
  /** Added to the <dialog>'s classes (its size). */
  className?: string;
  /** More attributes for the confirm button (the engine gate's reason). */
  confirmProps?: { disabled?: boolean; title?: string; 'aria-describedby'?: string };
  /** False where a field inside takes the focus first. */
  focusConfirm?: boolean;
}

/** A modal <dialog>: focus is trapped by the browser, Escape cancels. */
export function ConfirmDialog({
  title,
  confirmLabel,
  danger,
  confirmDisabled,
  onConfirm,
  onCancel,
  children,
  className,
  confirmProps,
  focusConfirm = true,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog(onCancel);
  return (
    <dialog ref={dialog.ref} className={className ? `dialog ${className}` : 'dialog'} aria-label={title} onCancel={dialog.onCancel}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirmDisabled && !confirmProps?.disabled) onConfirm();
        }}
      >
        <h2>{title}</h2>
        {children}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
          <button
            type="submit"
            className={danger ? 'danger' : 'primary'}
            autoFocus={focusConfirm}
            {...confirmProps}
            disabled={confirmDisabled || confirmProps?.disabled}
          >
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
