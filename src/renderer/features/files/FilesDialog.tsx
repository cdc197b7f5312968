import type { ReactNode } from 'react';
import { Modal } from '../../components/Modal';

interface FilesDialogProps {
  title: string;
  onClose(): void;
  wide?: boolean;
  children: ReactNode;
}

/** A modal <dialog> for the Files and Changes tabs. */
export function FilesDialog({ title, onClose, wide = false, children }: FilesDialogProps) {
  return (
    <Modal kind="files" title={title} onClose={onClose} wide={wide}>
      {children}
    </Modal>
  );
}
