import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeKind, ContainerChange } from '../../../shared/types/files';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { DetailTabProps } from '../../tab-types';
import { buildChangeTree, countChanges, visibleNodes, type ChangeNode } from './change-tree';
import { DiffView } from './DiffView';
import '../../styles/files.css';
import { dockerDiffCommand } from '../../../shared/cli/containers';

const KINDS: ChangeKind[] = ['added', 'changed', 'deleted'];
const LETTER = { added: 'A', changed: 'C', deleted: 'D' } as const;

/** `docker diff`: the container's changes as a tree with counts and filters, and each file's diff against its image. */
export function ChangesTab({ container, active }: DetailTabProps) {
  const { t } = useTranslation('changes');
  const client = useClient();
  const [changes, setChanges] = useState<ContainerChange[]>();
  const [error, setError] = useState<Error>();
  const [version, setVersion] = useState(0);
  const [shown, setShown] = useState<ReadonlySet<ChangeKind>>(new Set(KINDS));
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string>();

  useEffect(() => {
    if (!active) return;
    let live = true;
    setError(undefined);
    client.invoke('containers.diff', { id: container.id }).then(
      (result) => {
        if (!live) return;
        setChanges(result);
        // Open the first levels so something is visible at once.
        setExpanded((current) =>
          current.size > 0 ? current : new Set(result.filter((change) => change.path.split('/').length <= 3).map((change) => change.path)),
        );
      },
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [client, container.id, active, version]);

  const counts = useMemo(() => countChanges(changes ?? []), [changes]);
  const tree = useMemo(() => buildChangeTree(changes ?? [], shown, query), [changes, shown, query]);
  const nodes = useMemo(() => visibleNodes(tree, query ? new Set(allPaths(tree)) : expanded), [tree, expanded, query]);

  const toggleKind = (kind: ChangeKind): void =>
    setShown((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  const toggle = (node: ChangeNode): void =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(node.path)) next.delete(node.path);
      else next.add(node.path);
      return next;
    });
  const choose = (node: ChangeNode): void => {
    if (node.children.length > 0 && node.kind !== 'added' && node.kind !== 'deleted') toggle(node);
    else setSelected(node.path);
  };
  const onKey = (event: KeyboardEvent, node: ChangeNode, index: number): void => {
    const focus = (next: number): void =>
      document.querySelector<HTMLElement>(`[data-change-index="${Math.max(0, Math.min(nodes.length - 1, next))}"]`)?.focus();
    if (event.key === 'ArrowDown') focus(index + 1);
    else if (event.key === 'ArrowUp') focus(index - 1);
    else if (event.key === 'ArrowRight' && node.children.length > 0 && !expanded.has(node.path)) toggle(node);
    else if (event.key === 'ArrowLeft' && expanded.has(node.path)) toggle(node);
    else if (event.key === 'Enter' || event.key === ' ') setSelected(node.path);
    else return;
    event.preventDefault();
  };

  return (
    <div className="changes-tab">
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('filters')}>
          {KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className={`small${shown.has(kind) ? ' active' : ''}`}
              aria-pressed={shown.has(kind)}
              onClick={() => toggleKind(kind)}
            >
              <span className={`change-mark change-${kind}`} aria-hidden="true">
                {LETTER[kind]}
              </span>{' '}
              {t(`kind.${kind}`, { count: counts[kind] })}
            </button>
          ))}
        </div>
        <input
          className="filter-input"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('search')}
          aria-label={t('search')}
        />
        <button type="button" className="small" onClick={() => setVersion((value) => value + 1)}>
          {t('refresh')}
        </button>
      </div>
      <CliCommand command={dockerDiffCommand(container.name)} />
      {error && <ErrorMessage error={error} />}
      {!changes && !error && <p className="muted">{t('loading')}</p>}
      {changes && changes.length === 0 && (
        <div className="empty-state" role="status">
          {t('none')}
        </div>
      )}
      {changes && changes.length > 0 && (
        <div className="changes-panes">
          <div className="changes-tree" role="tree" aria-label={t('treeLabel', { name: container.name })}>
            {nodes.length === 0 && <p className="muted">{t('noMatch')}</p>}
            {nodes.map(({ node, depth }, index) => (
              <div
                key={node.path}
                role="treeitem"
                tabIndex={0}
                data-change-index={index}
                aria-level={depth + 1}
                aria-selected={selected === node.path}
                aria-expanded={node.children.length > 0 ? expanded.has(node.path) || Boolean(query) : undefined}
                className={`changes-node${selected === node.path ? ' selected' : ''}`}
                style={{ paddingLeft: 8 + depth * 16 }}
                onClick={() => choose(node)}
                onKeyDown={(event) => onKey(event, node, index)}
              >
                <span className="changes-twisty" aria-hidden="true">
                  {node.children.length > 0 ? (expanded.has(node.path) || query ? '▾' : '▸') : ''}
                </span>
                {node.kind ? (
                  <span className={`change-mark change-${node.kind}`} title={t(`kind.${node.kind}`, { count: 1 })}>
                    {LETTER[node.kind]}
                  </span>
                ) : (
                  <span className="change-mark change-none" aria-hidden="true" />
                )}
                <span className="changes-name">{node.name}</span>
                {node.children.length > 0 && <span className="muted changes-count">{node.count}</span>}
              </div>
            ))}
          </div>
          <div className="changes-detail">
            {selected ? (
              <DiffView container={container} path={selected} />
            ) : (
              <div className="empty-state" role="status">
                {t('choose')}
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function allPaths(node: ChangeNode): string[] {
  return node.children.flatMap((child) => [child.path, ...allPaths(child)]);
}
