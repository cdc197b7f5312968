import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../shared/types/containers';
import { useSaveDialogs } from '../../api/ClientContext';
import { useRegisterCommands } from '../../commands/CommandsProvider';
import type { AppCommand } from '../../commands/registry';
import type { DetailIntent } from '../../tab-types';
import { ACTIONS, isApplicable, type ActionName } from './actions';

/** How many "Open <name>" commands the palette offers (the list can hold thousands). */
const MAX_OPEN_COMMANDS = 300;

export interface ContainerCommandsInput {
  /** The container that is open, else the selected ones: what the actions apply to. */
  targets: readonly ContainerSummary[];
  /** The containers listed now ("Open <name>"); empty while one is open. */
  listed: readonly ContainerSummary[];
  perform(action: ActionName, targets: ContainerSummary[]): void;
  open(container: ContainerSummary): void;
  /** Opens the container's Image tab to export or commit it. */
  openWith(container: ContainerSummary, intent: DetailIntent): void;
  /** "Copy docker run" for one container. */
  copyRun(container: ContainerSummary): void;
  /** Rename (F2): the focused row's container, else the one selected (or open). */
  rename?(container: ContainerSummary): void;
  /** Absent while a container is open. */
  create?(): void;
  /** Present while a container is open. */
  back?(): void;
}

/** The containers view's commands: every action on the selected (or open) containers, and more. */
export function useContainerCommands({ targets, listed, perform, open, openWith, copyRun, rename, create, back }: ContainerCommandsInput): void {
  const { t } = useTranslation('palette');
  const { t: tc } = useTranslation('containers');
  const saveDialogs = useSaveDialogs();
  const commands = useMemo<AppCommand[]>(() => {
    const [only] = targets;
    const group = targets.length === 1 && only ? t('groups.container', { name: only.name }) : t('groups.selected', { count: targets.length });
    const actions = ACTIONS.flatMap((action): AppCommand[] => {
      const applicable = targets.filter((container) => isApplicable(action, container.state));
      if (applicable.length === 0) return [];
      return [
        {
          id: `container.${action}`,
          title: tc(`actions.${action}`),
          group,
          keywords: [action, ...applicable.map((container) => container.name)],
          shortcutId: action,
          run: () => perform(action, applicable),
        },
      ];
    });
    const general: AppCommand[] = [];
    if (targets.length === 1 && only) {
      general.push(
        {
          id: 'container.export',
          title: saveDialogs ? t('commands.export', { name: only.name }) : t('commands.exportBrowser', { name: only.name }),
          group,
          keywords: ['export', 'tar', 'docker export'],
          run: () => openWith(only, 'export'),
        },
        {
          id: 'container.commit',
          title: t('commands.commit', { name: only.name }),
          group,
          keywords: ['commit', 'image', 'docker commit'],
          run: () => openWith(only, 'commit'),
        },
        {
          id: 'container.copyRun',
          title: t('commands.copyRun', { name: only.name }),
          group,
          keywords: ['docker run', 'runlike', 'copy', 'recreate'],
          run: () => copyRun(only),
        },
      );
    }
    if (rename && (targets.length === 1 || listed.length > 0)) {
      general.push({
        id: 'container.rename',
        title: only && targets.length === 1 ? t('commands.rename', { name: only.name }) : t('commands.renameFocused'),
        group: targets.length === 1 ? group : t('groups.containers'),
        keywords: ['rename', 'name', 'docker rename'],
        shortcutId: 'rename',
        // The row with the keyboard focus first, else the one selected container.
        run: () => {
          const target = focusedRow(listed) ?? (targets.length === 1 ? only : undefined);
          if (target) rename(target);
        },
      });
    }
    if (create) {
      general.push(
        {
          id: 'containers.new',
          title: t('commands.newContainer'),
          group: t('groups.containers'),
          keywords: ['create', 'run'],
          shortcutId: 'newContainer',
          run: create,
        },
        {
          id: 'containers.filter',
          title: t('commands.filter'),
          group: t('groups.containers'),
          keywords: ['search', 'find'],
          shortcutId: 'filter',
          run: () => document.querySelector<HTMLInputElement>('.containers-view input[type="search"]')?.focus(),
        },
      );
    }
    if (back) general.push({ id: 'containers.back', title: t('commands.back'), group: t('groups.containers'), run: back });
    const opens = listed.slice(0, MAX_OPEN_COMMANDS).map((container): AppCommand => ({
      id: `container.open.${container.id}`,
      title: t('commands.open', { name: container.name }),
      group: t('groups.open'),
      keywords: [container.id.slice(0, 12), container.image],
      run: () => open(container),
    }));
    return [...actions, ...general, ...opens];
  }, [targets, listed, perform, open, openWith, copyRun, rename, create, back, t, tc, saveDialogs]);
  useRegisterCommands(commands);
}

/** The listed container whose row holds the keyboard focus now, if any. */
function focusedRow(listed: readonly ContainerSummary[]): ContainerSummary | undefined {
  const row = document.activeElement instanceof Element ? document.activeElement.closest('[role=row][data-container-name]') : null;
  const name = row?.getAttribute('data-container-name');
  return name ? listed.find((container) => container.name === name) : undefined;
}
