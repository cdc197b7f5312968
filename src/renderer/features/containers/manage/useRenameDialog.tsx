import { useCallback, useState } from 'react';
import { RenameDialog } from './RenameDialog';

interface Target {
  id: string;
  name: string;
}

/** The rename dialog for whichever container asks (a row's button, F2, the detail header, the palette). */
export function useRenameDialog(onRenamed?: (id: string, newName: string) => void) {
  const [target, setTarget] = useState<Target>();
  const open = useCallback((container: Target) => setTarget({ id: container.id, name: container.name }), []);
  const view = target ? (
    <RenameDialog
      id={target.id}
      name={target.name}
      onClose={() => setTarget(undefined)}
      onRenamed={(newName) => {
        setTarget(undefined);
        onRenamed?.(target.id, newName);
      }}
    />
  ) : null;
  return { open, view };
}
