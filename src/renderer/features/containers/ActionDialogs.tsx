import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { KILL_SIGNALS, type ActionOptions } from './actions';

interface DialogProps {
  names: string[];
  onConfirm(options: ActionOptions): void;
  onCancel(): void;
}

export function RemoveDialog({ names, onConfirm, onCancel }: DialogProps) {
  const { t } = useTranslation('containers');
  const [force, setForce] = useState(false);
  const [volumes, setVolumes] = useState(false);
  return (
    <ConfirmDialog
      title={t('remove.title', { count: names.length })}
      confirmLabel={t('actions.remove')}
      danger
      onCancel={onCancel}
      onConfirm={() => onConfirm({ force, volumes })}
    >
      <p>{t('remove.body', { names: names.join(', '), count: names.length })}</p>
      <label className="check">
        <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
        {t('remove.force')}
      </label>
      <label className="check">
        <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} />
        {t('remove.volumes')}
      </label>
    </ConfirmDialog>
  );
}

export function KillDialog({ names, onConfirm, onCancel }: DialogProps) {
  const { t } = useTranslation('containers');
  const [signal, setSignal] = useState<string>('SIGKILL');
  return (
    <ConfirmDialog
      title={t('kill.title', { count: names.length })}
      confirmLabel={t('actions.kill')}
      danger
      onCancel={onCancel}
      onConfirm={() => onConfirm({ signal })}
    >
      <p>{t('kill.body', { names: names.join(', ') })}</p>
      <label>
        {t('kill.signal')}
        <select value={signal} onChange={(e) => setSignal(e.target.value)}>
          {KILL_SIGNALS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </ConfirmDialog>
  );
}
