import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { Copies } from './useCopies';

/** The question a copy asks before it replaces something (both the Files tab and a drop on a row ask it). */
export function CopyConfirm({ copies }: { copies: Pick<Copies, 'confirm' | 'closeConfirm'> }) {
  if (!copies.confirm) return null;
  return (
    <ConfirmDialog
      title={copies.confirm.title}
      confirmLabel={copies.confirm.confirmLabel}
      danger
      onConfirm={copies.confirm.onConfirm}
      onCancel={copies.closeConfirm}
    >
      <p>{copies.confirm.body}</p>
    </ConfirmDialog>
  );
}
