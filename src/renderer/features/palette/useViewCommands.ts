import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterCommands } from '../../commands/CommandsProvider';
import type { AppCommand } from '../../commands/registry';
import type { AppView } from '../../view-types';

/** "Go to <view>" for every sidebar view; the settings view also answers Ctrl/Cmd+,. */
export function useViewCommands(views: readonly AppView[], show: (id: string) => void): void {
  const { t } = useTranslation('palette');
  const { t: tc } = useTranslation();
  const commands = useMemo<AppCommand[]>(
    () =>
      views.map((view) => ({
        id: `view.${view.id}`,
        title: t('commands.goTo', { view: tc(view.labelKey) }),
        group: t('groups.views'),
        keywords: [view.id],
        ...(view.id === 'settings' ? { shortcutId: 'settings' } : {}),
        run: () => show(view.id),
      })),
    [views, show, t, tc],
  );
  useRegisterCommands(commands);
}
