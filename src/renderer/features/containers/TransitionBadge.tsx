import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { secondsBeforeKill, type Transition } from './transitions';

const TICK_MS = 250;

/** "Stopping…" and, for stop and restart, the seconds left before the engine kills. */
export function TransitionBadge({ transition }: { transition: Transition }) {
  const { t } = useTranslation('containers');
  const [now, setNow] = useState(Date.now);
  const counting = transition.timeoutSeconds !== undefined && transition.answeredAt === undefined;
  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [counting]);
  const left = counting ? secondsBeforeKill(transition, now) : undefined;
  const detail = left === undefined ? undefined : left > 0 ? t('transition.left', { seconds: left }) : t('transition.killing');
  return (
    <>
      <span className="state-pill state-transition" data-transition={transition.action}>
        {t(`transition.${transition.action}`)}
      </span>
      {detail !== undefined && (
        <span className="muted status-text" title={detail}>
          {detail}
        </span>
      )}
    </>
  );
}
