/** The `until` filter of `docker container prune`, read as the engine reads it. */

const DURATION_PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** `until` as Unix seconds, counted back from `nowSeconds` when it is a duration; undefined when it is none of the three forms. */
export function untilToEpochSeconds(value: string, nowSeconds: number): number | undefined {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms / 1000;
  }
  DURATION_PART.lastIndex = 0;
  let seconds = 0;
  let matched = 0;
  for (let part = DURATION_PART.exec(value); part; part = DURATION_PART.exec(value)) {
    seconds += Number(part[1]) * UNIT_SECONDS[part[2]!]!;
    matched = DURATION_PART.lastIndex;
  }
  return matched > 0 && matched === value.length ? nowSeconds - seconds : undefined;
}
