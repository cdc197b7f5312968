import type { StatsSample } from '../../../shared/types/stats';
import type { RingBuffer } from './ring-buffer';

/** One point of a chart: a time and a value per series; null draws a gap. */
export type ChartPoint = { time: number } & Record<string, number | null>;

/** Readings further apart than this were not one continuous stream (hidden window, view closed, restart). */
export const GAP_MS = 3_500;

export type SeriesPick = Record<string, (sample: StatsSample) => number | null>;

/**
 * The readings of the last `windowMs` as chart points, with a null point wherever the stream was
 * interrupted so the line breaks instead of bridging the gap.
 */
export function toChartPoints(history: RingBuffer<StatsSample>, windowMs: number, now: number, series: SeriesPick): ChartPoint[] {
  const from = now - windowMs;
  const points: ChartPoint[] = [];
  let previous: number | undefined;
  for (const sample of history.since((s) => s.time >= from)) {
    if (previous !== undefined && sample.time - previous > GAP_MS) points.push(gapPoint(previous + 1, series));
    const point: ChartPoint = { time: sample.time } as ChartPoint;
    for (const [key, pick] of Object.entries(series)) point[key] = pick(sample);
    points.push(point);
    previous = sample.time;
  }
  return points;
}

function gapPoint(time: number, series: SeriesPick): ChartPoint {
  const point: ChartPoint = { time } as ChartPoint;
  for (const key of Object.keys(series)) point[key] = null;
  return point;
}
