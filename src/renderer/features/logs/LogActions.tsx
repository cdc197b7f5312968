import { useTranslation } from 'react-i18next';
import { useSaveDialogs } from '../../api/ClientContext';
import { useEngineGate } from '../engine';

export interface LogActionsProps {
  onCopy(): void;
  canCopy: boolean;
  onClear(): void;
  onDownload(): void;
  downloading: boolean;
}

/** Copy the selected lines, clear the view, download the whole log. */
export function LogActions({ onCopy, canCopy, onClear, onDownload, downloading }: LogActionsProps) {
  const { t } = useTranslation('logs');
  const saveDialogs = useSaveDialogs();
  const { gate } = useEngineGate();
  return (
    <span className="log-actions">
      <button type="button" className="small" onClick={onCopy} disabled={!canCopy} title={t('actions.copyHint')}>
        {t('actions.copy')}
      </button>
      <button type="button" className="small" onClick={onClear}>
        {t('actions.clear')}
      </button>
      <button type="button" className="small" onClick={onDownload} disabled={downloading} {...gate}>
        {saveDialogs ? t('actions.downloadDialog') : t('actions.download')}
      </button>
    </span>
  );
}
