import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCommandFor } from '../../../shared/cli/docker-command';
import type { ContainerSummary } from '../../../shared/types/containers';
import type { BerthClient } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNavigation } from '../../navigation';
import { useSettings } from '../../settings-state/SettingsProvider';
import { CombinedListFrame, EngineCell, useCombinedRows, type OnEngine } from './CombinedListFrame';
import { useEngineSelection } from './EngineSelection';
import { useEachEngine } from './useEachEngine';
import { useRowAction } from './useRowAction';

type RowAction = 'start' | 'stop' | 'restart' | 'remove';
type Row = OnEngine<ContainerSummary>;

const listContainers = (client: BerthClient) => client.invoke('containers.list', { all: true });
const actionsFor = (state: ContainerSummary['state']): RowAction[] =>
  state === 'running' || state === 'paused' || state === 'restarting' ? ['stop', 'restart', 'remove'] : ['start', 'remove'];

/** Every engine's containers in one list: an Engine column and filter; each row's actions run on its own engine. */
export function AllContainersView() {
  const { t } = useTranslation('engines');
  const { t: tc } = useTranslation('containers');
  const selection = useEngineSelection();
  const { settings } = useSettings();
  const navigation = useNavigation();
  const { parts, refresh } = useEachEngine(listContainers);
  const action = useRowAction(useCallback((engine: string) => refresh(engine), [refresh]));
  const [confirming, setConfirming] = useState<Row>();
  const { rows, filters } = useCombinedRows(parts, {
    toRows: (containers: ContainerSummary[], engine) => containers.map((container): Row => ({ ...container, engine })),
    searchText: (row) => `${row.name} ${row.image} ${row.status} ${row.id}`,
    compare: (a, b) => b.created - a.created,
  });

  const perform = (row: Row, name: RowAction): void => {
    if (name === 'remove' && settings.confirm.remove && confirming !== row) {
      setConfirming(row);
      return;
    }
    setConfirming(undefined);
    // By id to the engine; by name in the CLI line, as the user would type it.
    const options = name === 'remove' ? { force: false, volumes: false } : {};
    void action.run(
      row.engine,
      `${row.engine}/${row.id}`,
      (client) => client.invoke(`containers.${name}`, { id: row.id, ...options }),
      tc('report.done', { action: tc(`actions.${name}`), names: row.name }),
      dockerCommandFor(`containers.${name}`, { id: row.name, ...options }),
    );
  };

  const open = (row: Row): void => {
    selection.select(row.engine);
    navigation.openContainer({ id: row.id, name: row.name });
  };

  return (
    <CombinedListFrame
      titleId="combined-containers-title"
      title={t('combined.containersTitle')}
      {...filters}
      textLabel={t('combined.filterContainers')}
      parts={parts}
      emptyText={t('combined.noContainers')}
      rowCount={rows.length}
      rowAction={action}
      table={{ label: t('combined.containersTable'), columns: [tc('columns.name'), tc('columns.image'), tc('columns.state'), tc('columns.actions')] }}
      dialogs={
        confirming && (
          <ConfirmDialog
            title={tc('remove.title', { count: 1 })}
            confirmLabel={tc('actions.remove')}
            danger
            onCancel={() => setConfirming(undefined)}
            onConfirm={() => perform(confirming, 'remove')}
          >
            <p>{t('combined.removeBody', { name: confirming.name, engine: confirming.engine })}</p>
          </ConfirmDialog>
        )
      }
    >
      {rows.map((row) => {
        const key = `${row.engine}/${row.id}`;
        return (
          <tr key={key} data-engine={row.engine} data-name={row.name} data-state={row.state}>
            <EngineCell engine={row.engine} />
            <th scope="row">
              <button type="button" className="link" onClick={() => open(row)} title={t('combined.openOn', { name: row.name })}>
                {row.name}
              </button>
            </th>
            <td className="mono">{row.image}</td>
            <td>
              <span className={`state-pill state-${row.state}`}>{tc(`states.${row.state}`)}</span> <span className="muted">{row.status}</span>
            </td>
            <td>
              <div className="combined-actions">
                {actionsFor(row.state).map((name) => (
                  <button
                    key={name}
                    type="button"
                    className={name === 'remove' ? 'small danger' : 'small'}
                    disabled={action.pending.has(key)}
                    aria-label={t('combined.actionOn', { action: tc(`actions.${name}`), name: row.name, engine: row.engine })}
                    onClick={() => perform(row, name)}
                  >
                    {tc(`actions.${name}`)}
                  </button>
                ))}
              </div>
            </td>
          </tr>
        );
      })}
    </CombinedListFrame>
  );
}
