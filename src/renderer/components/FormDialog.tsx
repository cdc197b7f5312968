import { useState, type ReactNode } from 'react';
import { CliCommand } from './CliCommand';
import { ErrorMessage } from './ErrorMessage';
import { Modal } from './Modal';

interface FormDialogProps {
  /** As Modal's: names the dialog's styles. */
  kind: string;
  title: string;
  formClassName: string;
  /** The command line the form stands for, as it is typed; none where there is no CLI equivalent. */
  cli?: string;
  cancelLabel: string;
  submitLabel: string;
  /** What is typed can be sent. */
  valid: boolean;
  onClose(): void;
  /** Sends the form; a failure it throws is shown above the buttons. */
  onSubmit(): Promise<void>;
  children: ReactNode;
}

/** A modal form that sends one command: its fields, the CLI line, the failure, Cancel and the submit button; locked while it runs. */
export function FormDialog({ kind, title, formClassName, cli, cancelLabel, submitLabel, valid, onClose, onSubmit, children }: FormDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  const submit = async (): Promise<void> => {
    if (!valid || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal kind={kind} title={title} onClose={onClose} locked={busy}>
      <form
        className={formClassName}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {children}
        {cli !== undefined && <CliCommand command={cli} />}
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {cancelLabel}
          </button>
          <button type="submit" className="primary" disabled={busy || !valid}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
