import { useTranslation } from 'react-i18next';
import type { EngineState } from '../../../shared/types/engine';

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
  return (
    <div className="banner banner-error" role="alert">
      {t('banner', { host: state.host, error: state.error ?? '' })}
    </div>
  );
}
