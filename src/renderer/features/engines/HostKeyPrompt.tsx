import { useTranslation } from 'react-i18next';
import type { HostKey } from '../../../shared/types/engines';

/** ssh's "authenticity of host can't be established" question, asked before Berth connects. */
export function HostKeyPrompt({ hostKey, onTrust, onRefuse }: { hostKey: HostKey; onTrust(): void; onRefuse(): void }) {
  const { t } = useTranslation('engines');
  return (
    <div className="banner banner-warn host-key-prompt" role="alert">
      <p>{t('hostKey.unknown', { host: hostKey.host, type: hostKey.keyType })}</p>
      <p>
        <code data-testid="host-key-fingerprint">{hostKey.fingerprint}</code>
      </p>
      <p className="muted">{t('hostKey.check')}</p>
      <div className="report-actions">
        <button type="button" className="primary small" onClick={onTrust}>
          {t('hostKey.trust')}
        </button>
        <button type="button" className="small" onClick={onRefuse}>
          {t('hostKey.refuse')}
        </button>
      </div>
    </div>
  );
}
