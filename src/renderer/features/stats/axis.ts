/** How a y axis counts: plain decimals (percent, rates of things), whole numbers (PIDs), or bytes (binary units). */
export type AxisKind = 'decimal' | 'count' | 'bytes';

const MULTIPLIERS = [1, 2, 2.5, 5, 10];

/**
 * Evenly spaced ticks from 0 that reach at least max(`max`, `minTop`), about `count` steps, on
 * round numbers of the axis's unit: 0/20/40/60 MiB rather than 0/14.3/28.6/42.9 MiB.
 */
export function niceTicks(max: number, kind: AxisKind, minTop = 0, count = 4): number[] {
  const top = Math.max(Number.isFinite(max) ? max : 0, minTop) || 1;
  const unit = kind === 'bytes' && top >= 1024 ? 1024 ** Math.floor(Math.log(top) / Math.log(1024)) : 1;
  const scaled = top / unit;
  const rough = scaled / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  let step = (MULTIPLIERS.find((m) => m * magnitude >= rough * (1 - 1e-9)) ?? 10) * magnitude;
  if (kind === 'count') step = Math.max(1, Math.ceil(step));
  const ticks: number[] = [];
  for (let i = 0; i <= count * 3; i += 1) {
    const value = i * step;
    ticks.push(value * unit);
    if (value >= scaled * (1 - 1e-9)) break;
  }
  return ticks;
}
