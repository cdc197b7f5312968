import { labelFilter } from '../../shared/contract/schemas';

/** The label filters typed, space-separated; undefined when one is not `key` or `key=value` (as the contract checks them). */
export function labelFilters(text: string): string[] | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  return words.every((word) => labelFilter.safeParse(word).success) ? words : undefined;
}
