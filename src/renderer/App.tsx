import { useMemo, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { AnnouncerProvider } from './components/Announcer';
import { ErrorBoundary } from './components/ErrorBoundary';
import { EngineReachProvider, useEngineReach, EngineBanner, EngineStatusBadge, OfflineReason } from './features/engine';
import {
  AllContainersView,
  AllImagesView,
  EngineSelectionProvider,
  EngineSwitcher,
  swatchStyle,
  useEngineCommands,
  useEngineSelection,
} from './features/engines';
import { PaletteHost, useViewCommands } from './features/palette';
import { RegistryDialogsProvider, RegistryTasksProvider } from './features/registries';
import { TasksTray } from './features/tasks';
import { Preferences } from './features/settings';
import { NavigationProvider, type ContainerTarget, type Navigation } from './navigation';
import './styles/registries.css';
import { VIEWS } from './views';

const COMBINED_VIEWS: Partial<Record<string, ComponentType>> = { containers: AllContainersView, images: AllImagesView };

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

  // Everything below works on the selected engine (its client and CLI lines).
  return (
    <AnnouncerProvider>
      <EngineSelectionProvider>
        <RegistryTasksProvider>
          <RegistryDialogsProvider>
            <NavigationProvider value={navigation}>
              <EngineReachProvider>
                <AppShell view={view} setView={setView} />
              </EngineReachProvider>
            </NavigationProvider>
          </RegistryDialogsProvider>
        </RegistryTasksProvider>
      </EngineSelectionProvider>
    </AnnouncerProvider>
  );
}

/** The top bar, the sidebar and the current view (inside the app-wide registry tasks and dialogs). */
function AppShell({ view, setView }: { view: string; setView(id: string): void }) {
  const { t } = useTranslation();
  const current = VIEWS.find((candidate) => candidate.id === view);
  const { state: engineState } = useEngineReach();
  const { selected, scope, allEngines, colourOf } = useEngineSelection();
  useEngineCommands();
  // With every engine shown, the containers and images lists are the combined ones; other views stay on the selected engine.
  const Combined = allEngines ? COMBINED_VIEWS[view] : undefined;
  return (
    <div
      className={`app${allEngines ? ' all-engines' : ''}`}
      style={swatchStyle(allEngines ? undefined : colourOf(selected))}
      data-engine={allEngines ? '' : selected}
    >
      <header className="topbar">
        <div className="brand">
          <img src="./favicon.svg" alt="" width={22} height={22} />
          <span>{t('appName')}</span>
        </div>
        <EngineSwitcher />
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
        {/* Keyed by engine too: a switch opens the view afresh on the other engine (each engine's last lists are kept per client). */}
        <ErrorBoundary key={`${view}\u0000${allEngines ? '\u0001' : scope}`}>
          {Combined ? <Combined /> : current && <current.Component engineState={engineState} />}
        </ErrorBoundary>
      </main>
      <PaletteHost />
    </div>
  );
}
