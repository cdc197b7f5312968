import { labelFilter } from '../../../../shared/contract/schemas';
import { untilToEpochSeconds } from '../../../../shared/containers/prune-until';

/** What the prune dialog's fields hold, as typed. */
export interface PruneFormText {
  /** `label=…` filters: words separated by spaces, each `key` or `key=value`. */
  labels: string;
  /** `label!=…` filters, the same way. */
  labelsNot: string;
  /** `until=…`: 24h, 1h30m, a date or a Unix time; empty for none. */
  until: string;
}

export interface PruneFilterInput {
  label: string[];
  labelNot?: string[];
  until?: string;
}

export type PruneFormField = keyof PruneFormText;

export type PruneFormResult = { ok: true; filters: PruneFilterInput } | { ok: false; field: PruneFormField; value: string };

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * The filters for `containers.prunePreview`, or the first field that holds something the engine
 * would refuse (and the word at fault). The same checks as the contract, so the preview never
 * fails on input the form let through.
 */
export function pruneFiltersFromForm(form: PruneFormText, nowSeconds = Date.now() / 1000): PruneFormResult {
  const label = words(form.labels);
  const labelNot = words(form.labelsNot);
  for (const [field, list] of [
    ['labels', label],
    ['labelsNot', labelNot],
  ] as const) {
    const bad = list.find((word) => !labelFilter.safeParse(word).success);
    if (bad !== undefined) return { ok: false, field, value: bad };
  }
  if (label.length > 20) return { ok: false, field: 'labels', value: label[20]! };
  if (labelNot.length > 20) return { ok: false, field: 'labelsNot', value: labelNot[20]! };
  const until = form.until.trim();
  if (until && untilToEpochSeconds(until, nowSeconds) === undefined) return { ok: false, field: 'until', value: until };
  return { ok: true, filters: { label, ...(labelNot.length ? { labelNot } : {}), ...(until ? { until } : {}) } };
}

/** What the prune removed against what its preview listed: the two differ when a container changed state in between. */
export function pruneDifference(previewIds: readonly string[], removedIds: readonly string[]): { notRemoved: string[]; alsoRemoved: string[] } {
  const shown = new Set(previewIds);
  const removed = new Set(removedIds);
  return { notRemoved: previewIds.filter((id) => !removed.has(id)), alsoRemoved: removedIds.filter((id) => !shown.has(id)) };
}
