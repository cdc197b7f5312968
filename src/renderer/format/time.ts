const DIVISIONS: Array<[number, Intl.RelativeTimeFormatUnit]> = [
  [60, 'second'],
  [60, 'minute'],
  [24, 'hour'],
  [7, 'day'],
  [4.34524, 'week'],
  [12, 'month'],
  [Number.POSITIVE_INFINITY, 'year'],
];

/** "3 minutes ago" / "3분 전", in the UI's language ('short': "3 min. ago", for narrow columns). */
export function formatRelative(epochSeconds: number, language: string, now = Date.now(), style: Intl.RelativeTimeFormatStyle = 'long'): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style });
  let duration = epochSeconds - now / 1000;
  for (const [amount, unit] of DIVISIONS) {
    if (Math.abs(duration) < amount) return format.format(Math.round(duration), unit);
    duration /= amount;
  }
  return '';
}

export function formatDateTime(epochSeconds: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(epochSeconds * 1000));
}

/** A time of day to the minute ("11:43", "오전 11:43"), for "last known at". */
export function formatClock(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(epochMs));
}
