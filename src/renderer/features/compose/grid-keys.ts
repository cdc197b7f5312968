import type { ListEntry } from './grouping';

type RowKeys = (entry: ListEntry, context: { onRow: boolean; moveTo(index: number, column: number): void }) => Record<string, () => void> | undefined;

/**
 * The group rows' keys in the containers grid (on the row itself, not on its buttons): Enter and
 * Space open or close it, Right opens a closed one (on an open one it moves to the first button, as
 * on any row), Left closes an open one; Left on a container of a project goes up to its group row.
 */
export function projectGridKeys(entries: readonly ListEntry[], setExpanded: (project: string, open: boolean) => void): RowKeys {
  return (entry, { onRow, moveTo }) => {
    if (!onRow) return undefined;
    if (entry.kind === 'project') {
      const name = entry.project.name;
      const keys: Record<string, () => void> = {
        Enter: () => setExpanded(name, !entry.expanded),
        ' ': () => setExpanded(name, !entry.expanded),
      };
      if (!entry.expanded) keys.ArrowRight = () => setExpanded(name, true);
      else keys.ArrowLeft = () => setExpanded(name, false);
      return keys;
    }
    if (entry.project === undefined) return undefined;
    const parent = entries.findIndex((candidate) => candidate.kind === 'project' && candidate.project.name === entry.project);
    return parent < 0 ? undefined : { ArrowLeft: () => moveTo(parent, 0) };
  };
}
