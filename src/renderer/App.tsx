import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ContainersView } from './features/containers/ContainersView';
import { EngineBanner, EngineStatusBadge } from './features/engine/EngineStatus';
import { EngineView } from './features/engine/EngineView';
import { useEngineState } from './features/engine/useEngineState';
import { Preferences } from './features/settings/Preferences';

const VIEWS = ['containers', 'engine'] as const;
type View = (typeof VIEWS)[number];

export function App() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('containers');
  const engineState = useEngineState();

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <img src="./favicon.svg" alt="" width={22} height={22} />
          <span>{t('appName')}</span>
        </div>
        <EngineStatusBadge state={engineState} />
        <Preferences />
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        {VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            className={view === name ? 'nav-item active' : 'nav-item'}
            aria-current={view === name ? 'page' : undefined}
            onClick={() => setView(name)}
          >
            {t(`nav.${name}`)}
          </button>
        ))}
      </nav>
      <main className="content">
        <EngineBanner state={engineState} />
        <ErrorBoundary key={view}>
          {view === 'containers' && <ContainersView engineState={engineState} />}
          {view === 'engine' && <EngineView engineState={engineState} />}
        </ErrorBoundary>
      </main>
    </div>
  );
}
