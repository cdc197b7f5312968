import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { niceTicks, type AxisKind } from './axis';
import type { ChartPoint } from './chart-data';

export interface Series {
  key: string;
  label: string;
  /** A CSS colour, e.g. `var(--stats-series-1)`. */
  color: string;
  /** Its own points under the key `value` (the compare chart, one container each); else the chart's `data`. */
  data?: ChartPoint[];
}

interface TimeSeriesChartProps {
  label: string;
  data?: ChartPoint[];
  series: Series[];
  from: number;
  to: number;
  /** Tooltip values. */
  formatValue(value: number): string;
  /** Y axis ticks (defaults to formatValue). */
  formatTick?(value: number): string;
  formatTime(time: number): string;
  axis: AxisKind;
  /** The y axis reaches at least this, so a flat line near 0 is not blown up into noise. */
  minTop?: number;
  height?: number;
}

const AXIS_TICK = { fill: 'var(--muted)', fontSize: 11 };

function highest(data: ChartPoint[] | undefined, series: Series[]): number {
  let max = 0;
  for (const s of series) {
    const key = s.data ? 'value' : s.key;
    for (const point of s.data ?? data ?? []) {
      const value = point[key];
      if (typeof value === 'number' && value > max) max = value;
    }
  }
  return max;
}

/** Lines over a fixed time window; the x axis is real time, so gaps and a short history show as such. */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { label, data, series, from, to, formatValue, formatTick = formatValue, formatTime, axis, minTop = 0, height = 170 } = props;
  const ticks = niceTicks(highest(data, series), axis, minTop);
  return (
    <div className="stats-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={[from, to]}
            allowDataOverflow
            tickFormatter={formatTime}
            tick={AXIS_TICK}
            stroke="var(--border)"
            minTickGap={48}
            allowDuplicatedCategory={false}
          />
          <YAxis
            type="number"
            domain={[0, ticks.at(-1) ?? 1]}
            ticks={ticks}
            interval={0}
            tickFormatter={formatTick}
            tick={AXIS_TICK}
            stroke="var(--border)"
            width={72}
          />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(time) => formatTime(Number(time))}
            formatter={(value) => formatValue(Number(value))}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' }}
            labelStyle={{ color: 'var(--muted)' }}
          />
          {series.map((s) => (
            <Line
              key={s.key}
              data={s.data}
              dataKey={s.data ? 'value' : s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={1.75}
              dot={false}
              activeDot={{ r: 3 }}
              type="linear"
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
