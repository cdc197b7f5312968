import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineEntry } from '../../../shared/types/engines';
import { useEngineSelection } from './EngineSelection';

/** One engine in the manage dialog: its colour picker, where it is, how it answers, and its actions. */
export function EngineRow({ engine, onRemove, onRename }: { engine: EngineEntry; onRemove(): void; onRename(): void }) {
  const { t } = useTranslation('engines');
  const selection = useEngineSelection();
  const [testing, setTesting] = useState(false);
  const colour = selection.colourOf(engine.id);
  const removable = engine.source === 'context' || engine.source === 'added';

  // engines.list probes every engine: reading it again is the test of a stored engine (its TLS files stay in main).
  const test = async (): Promise<void> => {
    setTesting(true);
    try {
      await selection.refresh();
    } finally {
      setTesting(false);
    }
  };
  const latest = selection.engines?.find((entry) => entry.id === engine.id) ?? engine;

  return (
    <tr data-engine={engine.id}>
      <td>
        <span className="engine-colour-cell">
          <input
            type="color"
            value={colour ?? '#808080'}
            aria-label={t('manage.colour', { name: engine.name })}
            onChange={(event) => selection.setColour(engine.id, event.target.value.toLowerCase())}
          />
          {colour && (
            <button
              type="button"
              className="ghost small"
              onClick={() => selection.setColour(engine.id, undefined)}
              aria-label={t('manage.clearColour', { name: engine.name })}
            >
              ✕
            </button>
          )}
        </span>
      </td>
      <th scope="row">
        {engine.name}
        {engine.description && <div className="muted small-print">{engine.description}</div>}
      </th>
      <td className="mono">{engine.endpoint}</td>
      <td role="status">
        {testing
          ? t('state.connecting')
          : latest.state === 'connected'
            ? t('state.connectedVersion', { version: latest.identity?.serverVersion ?? '?' })
            : t('state.unreachableBecause', { reason: latest.reason ?? '?' })}
      </td>
      <td>
        <div className="engines-row-actions">
          <button type="button" className="small" onClick={() => void test()} disabled={testing} aria-label={t('manage.testNamed', { name: engine.name })}>
            {t('manage.test')}
          </button>
          {removable && (
            <button type="button" className="small" onClick={onRename} aria-label={t('manage.renameNamed', { name: engine.name })}>
              {t('manage.rename')}
            </button>
          )}
          {removable && (
            <button type="button" className="small danger" onClick={onRemove} aria-label={t('manage.removeNamed', { name: engine.name })}>
              {t('manage.remove')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
