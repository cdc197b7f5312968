import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { engineCliFlag } from '../../../shared/cli/engines';
import { DEFAULT_CONTEXT } from '../../../shared/engines/engine-address';
import type { EngineEntry } from '../../../shared/types/engines';
import { ClientProvider, useClient } from '../../api/ClientContext';
import type { BerthClient } from '../../api/client';
import { clientForEngine } from '../../api/engine-client';
import { CliEngineFlagProvider } from '../../components/CliCommand';
import { useSettings } from '../../settings-state/SettingsProvider';

/** How often the engine list (each engine's state) is read again while the window is open. */
const RELIST_MS = 15_000;
const STORAGE_KEY = 'berth.engine';

export interface EngineSelection {
  /** engines.list's answer; undefined until the first one. */
  engines: readonly EngineEntry[] | undefined;
  problems: readonly string[];
  listError: Error | undefined;
  /** The engine views work on (an engines.list id). */
  selected: string;
  /**
   * What the views are keyed by: the chosen engine's id, or '' while the user has not chosen one
   * and views work on the engine Berth started on (calls without `engine`).
   */
  scope: string;
  /** The containers and images lists show every engine at once. */
  allEngines: boolean;
  select(id: string): void;
  setAllEngines(on: boolean): void;
  /** Reads the engine list again (after adding, removing, testing). */
  refresh(): Promise<void>;
  /** The user's colour for the engine, if any. */
  colourOf(id: string): string | undefined;
  setColour(id: string, colour: string | undefined): void;
  /** After a rename: the selection and the colour follow the engine to its new id. */
  renamed(from: string, to: string): void;
  /**
   * The engine the views show right now (null: every engine), current even while a view unmounts
   * because of a switch: work that belongs to an engine tells a switch from the user leaving it.
   */
  viewing: { readonly current: string | null };
  /** The client whose calls run on that engine (one object per engine). */
  clientFor(id: string): BerthClient;
  /** The flag CLI lines need for that engine (`--context NAME`, `-H HOST`, or ''). */
  cliFlagFor(id: string): string;
}

const SelectionContext = createContext<EngineSelection | null>(null);

export function useEngineSelection(): EngineSelection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error('useEngineSelection outside EngineSelectionProvider');
  return selection;
}

function storedSelection(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The engine the window works on, and the user's engines: everything below it gets the client of
 * the selected engine (every command and stream carries its `engine`) and CLI lines that name it.
 */
export function EngineSelectionProvider({ children }: { children: ReactNode }) {
  const base = useClient();
  const { settings, update } = useSettings();
  const [engines, setEngines] = useState<readonly EngineEntry[]>();
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [listError, setListError] = useState<Error>();
  const [startedOn, setStartedOn] = useState<string>();
  // null: not chosen, so views work on the engine Berth started on (the docker CLI's current one).
  const [chosen, setChosen] = useState(storedSelection);
  const selected = chosen ?? startedOn ?? DEFAULT_CONTEXT;
  const [allEngines, setAllEngines] = useState(false);
  const generation = useRef(0);
  // Written while rendering, so unmount clean-ups of the view this render replaces already see it.
  const viewing = useRef<string | null>(null);
  viewing.current = allEngines ? null : selected;

  const refresh = useCallback(async (): Promise<void> => {
    const mine = ++generation.current;
    try {
      const list = await base.invoke('engines.list', {});
      if (mine !== generation.current) return;
      setEngines(list.engines);
      setStartedOn(list.startedOn);
      setProblems(list.problems);
      setListError(undefined);
    } catch (err) {
      if (mine === generation.current) setListError(err as Error);
    }
  }, [base]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), RELIST_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  // An engine removed elsewhere (or a stored choice that no longer exists) falls back to the default.
  useEffect(() => {
    if (engines && chosen !== null && !engines.some((engine) => engine.id === chosen)) setChosen(null);
  }, [engines, chosen]);

  const select = useCallback((id: string) => {
    setChosen(id);
    setAllEngines(false);
    try {
      window.localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
  }, []);

  const colours = settings.engines.colours;
  const setColour = useCallback(
    (id: string, colour: string | undefined) => {
      const next = { ...colours };
      if (colour) next[id] = colour;
      else delete next[id];
      void update({ engines: { colours: next } });
    },
    [colours, update],
  );

  const renamed = useCallback(
    (from: string, to: string) => {
      if (selected === from) select(to);
      const colour = colours[from];
      if (colour === undefined) return;
      const next = { ...colours, [to]: colour };
      delete next[from];
      void update({ engines: { colours: next } });
    },
    [selected, select, colours, update],
  );

  const value = useMemo<EngineSelection>(
    () => ({
      engines,
      problems,
      listError,
      selected,
      scope: chosen ?? '',
      allEngines,
      select,
      setAllEngines,
      refresh,
      colourOf: (id) => colours[id],
      setColour,
      renamed,
      viewing,
      clientFor: (id) => clientForEngine(base, id),
      cliFlagFor: (id) => engineCliFlag(engines?.find((engine) => engine.id === id)),
    }),
    [engines, problems, listError, selected, chosen, allEngines, select, refresh, colours, setColour, renamed, base],
  );

  return (
    <SelectionContext.Provider value={value}>
      <EngineScope engine={chosen}>{children}</EngineScope>
    </SelectionContext.Provider>
  );
}

/**
 * Everything inside works on `engine`: its client, and CLI lines that name it. Without a chosen
 * engine, the base client: its calls carry no `engine` and run where Berth started.
 */
function EngineScope({ engine, children }: { engine: string | null; children: ReactNode }) {
  const base = useClient();
  const { clientFor, cliFlagFor, selected } = useEngineSelection();
  return (
    <ClientProvider client={engine === null ? base : clientFor(engine)}>
      <CliEngineFlagProvider value={cliFlagFor(selected)}>{children}</CliEngineFlagProvider>
    </ClientProvider>
  );
}
