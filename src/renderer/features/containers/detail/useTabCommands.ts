import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterCommands } from '../../../commands/CommandsProvider';
import type { AppCommand } from '../../../commands/registry';
import type { DetailTab } from '../../../tab-types';

/** "Show the <tab> tab" for each tab of the open container. */
export function useTabCommands(containerName: string, tabs: readonly DetailTab[], choose: (id: string) => void): void {
  const { t } = useTranslation('palette');
  const { t: td } = useTranslation('detail');
  const commands = useMemo<AppCommand[]>(
    () =>
      tabs.map((tab) => ({
        id: `detail.tab.${tab.id}`,
        title: t('commands.showTab', { tab: td(tab.labelKey) }),
        group: t('groups.container', { name: containerName }),
        keywords: [tab.id, 'tab'],
        run: () => choose(tab.id),
      })),
    [tabs, choose, containerName, t, td],
  );
  useRegisterCommands(commands);
}
