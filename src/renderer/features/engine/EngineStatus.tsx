import { useTranslation } from 'react-i18next';
import type { EngineState } from '../../../shared/types/engine';
import { OFFLINE_REASON_ID } from './EngineContext';
import { outageReason } from './outage-message';

export function EngineStatusBadge({ state }: { state: EngineState | undefined }) {
  const { t } = useTranslation('engine');
  const status = state?.status ?? 'connecting';
  return (
    <span className={`engine-badge engine-${status}`} role="status" title={state?.host}>
      <span className="dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}

export function EngineBanner({ state }: { state: EngineState | undefined }) {
  const { t } = useTranslation('engine');
  if (state?.status !== 'disconnected') return null;
  // The socket's reason in the UI's language when main named it; else main's words, flattened.
  const reason = state.reasonCode ? t(`reasons.${state.reasonCode}`) : outageReason(state.error);
  return (
    <div className="banner banner-error engine-banner" role="alert">
      <strong>{reason ? t('banner', { host: state.host, reason }) : t('bannerNoReason', { host: state.host })}</strong> <span>{t('bannerNext')}</span>
    </div>
  );
}

/** The reason every control that needs the engine gives while it is away (see needsEngine). */
export function OfflineReason({ state }: { state: EngineState | undefined }) {
  const { t } = useTranslation('engine');
  if (state?.status === 'connected') return null;
  return (
    <span id={OFFLINE_REASON_ID} hidden>
      {t(state?.status === 'disconnected' ? 'offlineReason' : 'connectingReason')}
    </span>
  );
}
