import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterCommands } from '../../commands/CommandsProvider';
import type { AppCommand } from '../../commands/registry';
import type { ListView } from './ListViewOptions';

interface ListToolCommandsInput {
  /** False while a container is open: the list's tools are not on screen then. */
  active: boolean;
  view: ListView;
  setView(view: ListView): void;
  showSize: boolean;
  setShowSize(show: boolean): void;
  prune(): void;
}

/** The palette's entries for the list's tools: Prune…, the stats view, the size column. */
export function useListToolCommands({ active, view, setView, showSize, setShowSize, prune }: ListToolCommandsInput): void {
  const { t } = useTranslation('list-tools');
  const { t: tp } = useTranslation('palette');
  const commands = useMemo<AppCommand[]>(() => {
    if (!active) return [];
    const group = tp('groups.containers');
    return [
      { id: 'containers.prune', title: t('commands.prune'), group, keywords: ['prune', 'docker container prune', 'clean'], run: prune },
      view === 'list'
        ? { id: 'containers.statsView', title: t('commands.statsView'), group, keywords: ['docker stats', 'cpu', 'memory'], run: () => setView('stats') }
        : { id: 'containers.listView', title: t('commands.listView'), group, keywords: ['docker ps', 'list'], run: () => setView('list') },
      {
        id: 'containers.sizes',
        title: showSize ? t('commands.hideSizes') : t('commands.showSizes'),
        group,
        keywords: ['size', 'docker ps --size', 'disk'],
        run: () => {
          setView('list');
          setShowSize(!showSize);
        },
      },
    ];
  }, [active, view, setView, showSize, setShowSize, prune, t, tp]);
  useRegisterCommands(commands);
}
