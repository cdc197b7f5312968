import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnnouncerProvider } from './components/Announcer';
import { ErrorBoundary } from './components/ErrorBoundary';
import { EngineReachProvider, useEngineReach, EngineBanner, EngineStatusBadge, OfflineReason } from './features/engine';
import { PaletteHost, useViewCommands } from './features/palette';
import { RegistryDialogsProvider, RegistryTasksProvider, TasksTray } from './features/registries';
import { Preferences } from './features/settings';
import { NavigationProvider, type ContainerTarget, type Navigation } from './navigation';
import './styles/registries.css';
import { VIEWS } from './views';

export function App() {
  const [view, setView] = useState(VIEWS[0]?.id ?? 'containers');
  useViewCommands(VIEWS, setView);
  const [containerRequest, setContainerRequest] = useState<ContainerTarget>();
  const navigation = useMemo<Navigation>(
    () => ({
      openContainer: (target) => {
        setContainerRequest(target);
        setView('containers');
      },
      containerRequest,
      takeContainerRequest: () => setContainerRequest(undefined),
    }),
    [containerRequest],
  );

  return (
    <AnnouncerProvider>
      <RegistryTasksProvider>
        <RegistryDialogsProvider>
          <NavigationProvider value={navigation}>
            <EngineReachProvider>
              <AppShell view={view} setView={setView} />
            </EngineReachProvider>
          </NavigationProvider>
        </RegistryDialogsProvider>
      </RegistryTasksProvider>
    </AnnouncerProvider>
  );
}

/** The top bar, the sidebar and the current view (inside the app-wide registry tasks and dialogs). */
function AppShell({ view, setView }: { view: string; setView(id: string): void }) {
  const { t } = useTranslation();
  const current = VIEWS.find((candidate) => candidate.id === view);
  const { state: engineState } = useEngineReach();
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <img src="./favicon.svg" alt="" width={22} height={22} />
          <span>{t('appName')}</span>
        </div>
        <TasksTray />
        <EngineStatusBadge state={engineState} />
        <Preferences />
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        {VIEWS.map(({ id, labelKey }) => (
          <button
            key={id}
            type="button"
            className={view === id ? 'nav-item active' : 'nav-item'}
            aria-current={view === id ? 'page' : undefined}
            onClick={() => setView(id)}
          >
            {t(labelKey)}
          </button>
        ))}
      </nav>
      <main className="content">
        <EngineBanner state={engineState} />
        <OfflineReason state={engineState} />
        <ErrorBoundary key={view}>{current && <current.Component engineState={engineState} />}</ErrorBoundary>
      </main>
      <PaletteHost />
    </div>
  );
}
