import { formatBytes } from '../../format/bytes';

/** Two decimals, as `docker stats` prints them: "52.13%". */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}%`;
}

/** Bytes per second; units are the same in every language. */
export function formatRate(bytesPerSecond: number | null | undefined): string {
  return bytesPerSecond === null || bytesPerSecond === undefined ? '—' : `${formatBytes(bytesPerSecond)}/s`;
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(Math.round(value));
}

/** Clock time for chart ticks and tooltips, in the UI's language. */
export function clockFormatter(language: string): (time: number) => string {
  const format = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (time) => format.format(new Date(time));
}

/** An axis tick in percent: as many decimals as small ticks need ("0.25%", "2.5%", "40%"). */
export function formatPercentTick(value: number): string {
  if (value === 0) return '0%';
  const digits = value < 1 ? 2 : value < 10 ? 1 : 0;
  return `${Number(value.toFixed(digits))}%`;
}
