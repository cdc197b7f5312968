import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { DetailTabProps } from '../../tab-types';
import { sortProcesses, type SortDirection } from './process-sort';
import { useProcesses } from './useProcesses';
import '../../styles/top.css';
import { dockerTopCommand } from '../../../shared/cli/containers';
import { ariaSort, SortButton } from '../../components/SortButton';

const DEFAULT_PS_ARGS = '-ef';

/** `docker top`: the container's processes, refreshed every 2 s while this tab is shown. */
export function ProcessesTab({ container, active }: DetailTabProps) {
  const { t, i18n } = useTranslation('top');
  const [draft, setDraft] = useState(DEFAULT_PS_ARGS);
  const [psArgs, setPsArgs] = useState(DEFAULT_PS_ARGS);
  const [sort, setSort] = useState<{ column: number; direction: SortDirection } | undefined>();
  const running = container.state === 'running' || container.state === 'paused';
  const { data, error, updatedAt } = useProcesses(container.id, psArgs, active && running);

  const rows = useMemo(() => {
    const processes = data?.processes ?? [];
    return sort ? sortProcesses(processes, sort.column, sort.direction) : processes;
  }, [data, sort]);

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    setPsArgs(draft.trim() || DEFAULT_PS_ARGS);
  };

  const onSort = (column: number): void => {
    setSort((current) => (current?.column === column ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' }));
  };

  return (
    <div className="top-tab">
      <form className="toolbar" onSubmit={apply}>
        <label className="inline-field">
          <span>{t('psArgs.label')}</span>
          <input className="mono top-ps-args" value={draft} onChange={(event) => setDraft(event.target.value)} spellCheck={false} />
        </label>
        <button type="submit" className="small">
          {t('psArgs.apply')}
        </button>
        {running && (
          <span className="muted top-status" aria-live="off">
            {t('refreshing', { seconds: 2 })}
            {updatedAt !== undefined && ` · ${t('updated', { time: new Date(updatedAt).toLocaleTimeString(i18n.language) })}`}
          </span>
        )}
      </form>
      <CliCommand command={dockerTopCommand(container.name, psArgs)} />
      {!running && (
        <div className="empty-state" role="status">
          {t('notRunning', { name: container.name })}
        </div>
      )}
      {running && error && <ErrorMessage error={error} />}
      {running && !data && !error && <p className="muted">{t('loading')}</p>}
      {running && data && (
        <div className="top-table-wrap">
          <table className="top-table" aria-label={t('tableLabel', { name: container.name })} aria-rowcount={rows.length + 1}>
            <thead>
              <tr>
                {data.titles.map((title, column) => {
                  const sorted = sort?.column === column ? sort.direction : undefined;
                  return (
                    <th key={`${title}-${column}`} aria-sort={ariaSort(sorted)}>
                      <SortButton label={title} sorted={sorted} onClick={() => onSort(column)} />
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${row.join('\u0000')}-${index}`}>
                  {row.map((cell, column) => (
                    <td key={column} className={column === row.length - 1 ? 'top-command' : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="muted">{t('none')}</p>}
          <p className="muted top-count">{t('count', { count: rows.length })}</p>
        </div>
      )}
    </div>
  );
}
