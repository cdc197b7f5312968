import { useCallback, useMemo, useState } from 'react';

/** Which compose projects' group rows are open in the containers list (all closed at first). */
export function useExpandedProjects() {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const set = useCallback((project: string, open: boolean) => {
    setExpanded((current) => {
      if (current.has(project) === open) return current;
      const copy = new Set(current);
      if (open) copy.add(project);
      else copy.delete(project);
      return copy;
    });
  }, []);
  return useMemo(() => ({ expanded, set, toggle: (project: string) => set(project, !expanded.has(project)) }), [expanded, set]);
}
