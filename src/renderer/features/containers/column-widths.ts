/** A column sized to its content: `want` is what the widest cell needs, kept within [min, max]. */
export interface ColumnNeed {
  want: number;
  min: number;
  max: number;
  /** Columns of a lower tier give way first when the row is too narrow. */
  tier: number;
  /** Takes a share of the room left over once every column has what it wants. */
  grows?: boolean;
}

/**
 * Widths (px, whole) for the columns that follow content: each gets what it wants (within its
 * bounds); room left over goes to the growing columns; when the row is too narrow, the lowest tier
 * shrinks first, then the next, each column towards its minimum in proportion to what it can give. Below the sum
 * of the minimums the row overflows rather than cutting further.
 */
export function fitColumns(needs: readonly ColumnNeed[], available: number): number[] {
  const widths = needs.map((need) => Math.min(need.max, Math.max(need.min, need.want)));
  const total = widths.reduce((sum, width) => sum + width, 0);
  if (total <= available) {
    const growing = needs.flatMap((need, index) => (need.grows ? [index] : []));
    const share = growing.length ? (available - total) / growing.length : 0;
    for (const index of growing) widths[index] = (widths[index] ?? 0) + share;
    return widths.map(Math.floor);
  }
  let deficit = total - available;
  const tiers = [...new Set(needs.map((need) => need.tier))].sort((a, b) => a - b);
  for (const tier of tiers) {
    if (deficit <= 0) break;
    const members = needs.flatMap((need, index) => (need.tier === tier ? [index] : []));
    const slack = members.reduce((sum, index) => sum + ((widths[index] ?? 0) - (needs[index]?.min ?? 0)), 0);
    if (slack <= 0) continue;
    const taken = Math.min(deficit, slack);
    for (const index of members) widths[index] = (widths[index] ?? 0) - (taken * ((widths[index] ?? 0) - (needs[index]?.min ?? 0))) / slack;
    deficit -= taken;
  }
  return widths.map(Math.floor);
}
