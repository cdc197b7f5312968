import { useTranslation } from 'react-i18next';
import type { CSSProperties } from 'react';
import { useClient } from '../../api/ClientContext';
import { useEngineSelection } from './EngineSelection';

/** The neutral swatch of an engine the user gave no colour. */
const NO_COLOUR = 'var(--muted)';

export const swatchStyle = (colour: string | undefined): CSSProperties => ({ ['--engine-colour' as string]: colour ?? NO_COLOUR });

/** A small tag naming an engine, in its colour: on whatever runs on one engine (a row, a stream, a detail view). */
export function EngineTag({ engine }: { engine?: string }) {
  const { t } = useTranslation('engines');
  const { engines, colourOf, selected } = useEngineSelection();
  // The base client's calls carry no engine: they run where Berth started, which the selection names.
  const client = useClient();
  const id = engine ?? client.engine ?? selected;
  const name = engines?.find((entry) => entry.id === id)?.name ?? id;
  return (
    <span className="engine-tag" style={swatchStyle(colourOf(id))} title={t('tag.title', { name })} data-engine={id}>
      <span className="engine-swatch" aria-hidden="true" />
      <span className="visually-hidden">{t('tag.prefix')} </span>
      {name}
    </span>
  );
}
