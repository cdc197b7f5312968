import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCommandFor } from '../../../shared/cli/docker-command';
import type { ContainerSummary } from '../../../shared/types/containers';
import type { BerthClient } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNavigation } from '../../navigation';
import { useSettings } from '../../settings-state/SettingsProvider';
import { CombinedListFrame } from './CombinedListFrame';
import { useEngineSelection } from './EngineSelection';
import { EngineTag } from './EngineTag';
import { useEachEngine } from './useEachEngine';
import { useRowAction } from './useRowAction';

type RowAction = 'start' | 'stop' | 'restart' | 'remove';
interface Row extends ContainerSummary {
  engine: string;
}

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
  const [engineFilter, setEngineFilter] = useState('');
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState<Row>();

  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return parts
      .filter((part) => !engineFilter || part.engine === engineFilter)
      .flatMap((part) => (part.items ?? []).map((container): Row => ({ ...container, engine: part.engine })))
      .filter((row) => !needle || `${row.name} ${row.image} ${row.status} ${row.id}`.toLowerCase().includes(needle))
      .sort((a, b) => b.created - a.created);
  }, [parts, engineFilter, text]);

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
      engineFilter={engineFilter}
      onEngineFilter={setEngineFilter}
      text={text}
      onText={setText}
      textLabel={t('combined.filterContainers')}
      parts={parts}
      report={action.report}
      onDismissReport={action.clearReport}
    >
      <table className="combined-table" aria-label={t('combined.containersTable')}>
        <thead>
          <tr>
            <th scope="col">{t('combined.engine')}</th>
            <th scope="col">{tc('columns.name')}</th>
            <th scope="col">{tc('columns.image')}</th>
            <th scope="col">{tc('columns.state')}</th>
            <th scope="col">{tc('columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = `${row.engine}/${row.id}`;
            return (
              <tr key={key} data-engine={row.engine} data-name={row.name} data-state={row.state}>
                <td>
                  <EngineTag engine={row.engine} />
                </td>
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
        </tbody>
      </table>
      {rows.length === 0 && parts.every((part) => part.items !== undefined || part.error) && <p className="muted">{t('combined.noContainers')}</p>}
      {confirming && (
        <ConfirmDialog
          title={tc('remove.title', { count: 1 })}
          confirmLabel={tc('actions.remove')}
          danger
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => perform(confirming, 'remove')}
        >
          <p>{t('combined.removeBody', { name: confirming.name, engine: confirming.engine })}</p>
        </ConfirmDialog>
      )}
    </CombinedListFrame>
  );
}
