import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterCommands } from '../../commands/CommandsProvider';
import type { AppCommand } from '../../commands/registry';
import { useEngineSelection } from './EngineSelection';

/** "Switch to engine X" for every engine, and "All engines", in the command palette. */
export function useEngineCommands(): void {
  const { t } = useTranslation('engines');
  const { engines, select, setAllEngines } = useEngineSelection();
  const commands = useMemo<AppCommand[]>(
    () => [
      ...(engines ?? []).map((engine) => ({
        id: `engine.switch.${engine.id}`,
        title: t('palette.switchTo', { name: engine.name }),
        group: t('palette.group'),
        keywords: ['engine', 'context', engine.id, engine.endpoint],
        run: () => select(engine.id),
      })),
      {
        id: 'engine.all',
        title: t('palette.all'),
        group: t('palette.group'),
        keywords: ['engine', 'context', 'all'],
        run: () => setAllEngines(true),
      },
    ],
    [engines, select, setAllEngines, t],
  );
  useRegisterCommands(commands);
}
