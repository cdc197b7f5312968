import { parseContainerStatus, type HumanDuration } from '../../../shared/containers/status';

/** A translate function for the `containers` namespace (react-i18next's `t`, or i18next's getFixedT). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

function durationText(duration: HumanDuration, t: Translate, language: string): string {
  if (duration.kind === 'moment') return t('containers:status.moment');
  if (duration.kind === 'about') return t(duration.unit === 'minute' ? 'containers:status.aboutMinute' : 'containers:status.aboutHour');
  return new Intl.NumberFormat(language, { style: 'unit', unit: duration.unit, unitDisplay: 'long' }).format(duration.amount);
}

/**
 * The engine's status line in the UI's language ("Up 5 minutes" -> "5분 동안 실행 중"). In
 * English it reads as the engine's own line; a line outside the engine's grammar is shown as it is.
 */
export function statusText(status: string, t: Translate, language: string): string {
  const parsed = parseContainerStatus(status);
  if (!parsed) return status;
  switch (parsed.kind) {
    case 'up': {
      const paused = parsed.paused ? t('containers:status.pausedSuffix') : '';
      const health = parsed.health ? t(`containers:status.health.${parsed.health}`) : '';
      return `${t('containers:status.up', { duration: durationText(parsed.for, t, language) })}${paused}${health}`;
    }
    case 'exited':
      return parsed.ago
        ? t('containers:status.exited', { code: parsed.exitCode, ago: durationText(parsed.ago, t, language) })
        : t('containers:status.exitedNoTime', { code: parsed.exitCode });
    case 'restarting':
      return t('containers:status.restarting', { code: parsed.exitCode, ago: durationText(parsed.ago, t, language) });
    default:
      return t(`containers:status.${parsed.kind}`);
  }
}

/** The exit code part of an exited container's status, "Exited (137)": what a narrow row must still show. */
export function exitCodeText(status: string, t: Translate): string | undefined {
  const parsed = parseContainerStatus(status);
  if (parsed?.kind === 'exited') return t('containers:status.exitedNoTime', { code: parsed.exitCode });
  return undefined;
}
