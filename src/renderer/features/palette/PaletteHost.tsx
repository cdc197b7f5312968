import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { useCommandRegistry, useRegisterCommands } from '../../commands/CommandsProvider';
import type { AppCommand } from '../../commands/registry';
import { CommandPalette } from './CommandPalette';
import { ShortcutsDialog } from './ShortcutsDialog';

/** The palette and the shortcuts list: opened by their keys, by the palette itself, or by the desktop menu. */
export function PaletteHost() {
  const { t } = useTranslation('palette');
  const client = useClient();
  const registry = useCommandRegistry();
  const [open, setOpen] = useState<'palette' | 'shortcuts'>();

  const commands = useMemo<AppCommand[]>(
    () => [
      { id: 'palette.open', title: t('commands.palette'), group: t('groups.general'), shortcutId: 'palette', run: () => setOpen('palette') },
      {
        id: 'shortcuts.open',
        title: t('commands.shortcuts'),
        group: t('groups.general'),
        keywords: ['keyboard', 'help', 'keys'],
        shortcutId: 'shortcuts',
        run: () => setOpen('shortcuts'),
      },
    ],
    [t],
  );
  useRegisterCommands(commands);

  useEffect(
    () =>
      client.subscribe(
        'menu.watch',
        {},
        {
          onMessage: ({ command }) => {
            if (command === 'commandPalette') setOpen('palette');
            else if (command === 'keyboardShortcuts') setOpen('shortcuts');
            else if (command === 'settings') registry.find('view.settings')?.run();
          },
        },
      ),
    [client, registry],
  );

  if (open === 'palette') return <CommandPalette onClose={() => setOpen(undefined)} />;
  if (open === 'shortcuts') return <ShortcutsDialog onClose={() => setOpen(undefined)} />;
  return null;
}
