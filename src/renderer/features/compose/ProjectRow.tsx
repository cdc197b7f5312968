import '../../styles/compose.css';
import { useTranslation } from 'react-i18next';
import type { ComposeAction } from '../../../shared/cli/compose';
import { useEngineGate } from '../engine';
import { projectRowId, type ProjectGroup } from './grouping';

interface ProjectRowProps {
  project: ProjectGroup;
  expanded: boolean;
  /** Its place in the list (0-based), for the virtualizer and aria-rowindex. */
  index: number;
  start: number;
  measure(element: Element | null): void;
  /** An action on the project is under way: its buttons wait. */
  pending: boolean;
  onToggle(): void;
  onAction(action: ComposeAction, project: ProjectGroup): void;
  onLogs(project: ProjectGroup): void;
}

const ACTIONS: readonly ComposeAction[] = ['start', 'stop', 'restart', 'remove'];

/** Whether the action has anything to do on the project as listed. */
function applicable(action: ComposeAction, project: ProjectGroup): boolean {
  if (action === 'start') return project.running < project.containers.length;
  if (action === 'stop') return project.running > 0 || project.containers.some((c) => c.state === 'paused');
  return true;
}

/**
 * A compose project's group row in the containers grid: the row itself (tabIndex -1, useGridKeys
 * gives it the Tab stop) expands and collapses with Enter, Space and the arrows; its controls are
 * the toggle (which carries aria-expanded: a grid's row may not) and the project's actions. Its
 * services are listed with their states in words.
 */
export function ProjectRow({ project, expanded, index, start, measure, pending, onToggle, onAction, onLogs }: ProjectRowProps) {
  const { t } = useTranslation('compose');
  const { t: tc } = useTranslation('containers');
  const { gate } = useEngineGate();
  const stateText = t(`state.${project.state}`, { running: project.running, total: project.containers.length });
  const button = (key: string, label: string, onClick: () => void, extra: { disabled?: boolean; danger?: boolean } = {}) => (
    <button
      key={key}
      type="button"
      tabIndex={-1}
      data-grid-item=""
      className={`small${extra.danger ? ' danger-text' : ''}`}
      disabled={extra.disabled}
      title={t('actionTitle', { action: label, name: project.name })}
      onClick={onClick}
      {...gate}
    >
      {label}
    </button>
  );
  return (
    <div
      role="row"
      tabIndex={-1}
      ref={measure}
      data-index={index}
      data-grid-row="body"
      data-container-id={projectRowId(project.name)}
      data-project={project.name}
      aria-rowindex={index + 2}
      data-expanded={expanded}
      aria-busy={pending}
      aria-label={t('rowLabel', { name: project.name, state: stateText, count: project.services.length })}
      className="row project-row"
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${start}px)` }}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('button')) return;
        onToggle();
      }}
    >
      <span role="gridcell" className="cell project-name-cell">
        <button
          type="button"
          tabIndex={-1}
          data-grid-item=""
          className="ghost project-toggle"
          aria-expanded={expanded}
          aria-label={t(expanded ? 'collapse' : 'expand', { name: project.name })}
          onClick={onToggle}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        </button>
        <span className="project-name">{project.name}</span>
        <span className="project-badge">{t('badge')}</span>
      </span>
      <span role="gridcell" className="cell project-services-cell" title={project.workingDir}>
        {project.services.map((service) => {
          const states = service.containers.map((c) => tc(`states.${c.state}`));
          const running = service.containers.some((c) => c.state === 'running');
          return (
            <span key={service.name} className={`service-chip${running ? ' running' : ''}`}>
              <span className="service-dot" aria-hidden="true" />
              {t('serviceState', { service: service.name, state: [...new Set(states)].join(', ') })}
            </span>
          );
        })}
      </span>
      <span role="gridcell" className="cell project-state-cell">
        <span className={`state-pill project-state-${project.state}`}>{stateText}</span>
      </span>
      <span role="gridcell" className="cell project-actions-cell">
        {ACTIONS.map((action) =>
          button(action, t(`actions.${action}`), () => onAction(action, project), {
            disabled: pending || !applicable(action, project),
            danger: action === 'remove',
          }),
        )}
        {button('logs', t('actions.logs'), () => onLogs(project))}
      </span>
    </div>
  );
}
