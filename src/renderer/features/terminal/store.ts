import { useSyncExternalStore } from 'react';
import type { BerthClient } from '../../api/client';
import { engineOf } from '../../api/engine-client';
import { TerminalSession } from './session';
import type { SessionSpec } from '../../../shared/terminal/session-spec';
import { onThemeChange } from './xterm-theme';

export interface ContainerTerminals {
  sessions: readonly TerminalSession[];
  activeKey: string | undefined;
}

const EMPTY: ContainerTerminals = { sessions: [], activeKey: undefined };

/**
 * The renderer's terminal sessions, by container, outside the component tree: leaving the
 * Terminal tab, the container or the containers view keeps them (and their engine connections)
 * open. Only closing a session's tab ends it.
 */
const byContainer = new Map<string, ContainerTerminals>();
const listeners = new Set<() => void>();
let stopThemeWatch: (() => void) | undefined;

function set(owner: string, next: ContainerTerminals): void {
  if (next.sessions.length === 0) byContainer.delete(owner);
  else byContainer.set(owner, next);
  if (byContainer.size > 0) stopThemeWatch ??= onThemeChange(() => forEachSession((session) => session.surface?.setTheme()));
  else {
    stopThemeWatch?.();
    stopThemeWatch = undefined;
  }
  for (const listener of listeners) listener();
}

function forEachSession(fn: (session: TerminalSession) => void): void {
  for (const { sessions } of byContainer.values()) sessions.forEach(fn);
}

function terminalsOf(owner: string): ContainerTerminals {
  return byContainer.get(owner) ?? EMPTY;
}

/** Whose sessions: a container on one engine (ids can repeat across engines). */
export const terminalOwner = (client: BerthClient, containerId: string): string => `${engineOf(client)}\u0000${containerId}`;

/** Opens a session, makes it the container's active one, and starts it. */
export function openTerminalSession(client: BerthClient, spec: SessionSpec): TerminalSession {
  const session = new TerminalSession(client, spec);
  const owner = terminalOwner(client, spec.containerId);
  const current = terminalsOf(owner);
  set(owner, { sessions: [...current.sessions, session], activeKey: session.key });
  session.start();
  return session;
}

export function showTerminalSession(owner: string, key: string): void {
  const current = terminalsOf(owner);
  if (current.activeKey !== key && current.sessions.some((session) => session.key === key)) set(owner, { ...current, activeKey: key });
}

/** Closes a session's tab: its stream (and the engine connection) closes, its terminal is freed. */
export function closeTerminalSession(owner: string, key: string): void {
  const current = terminalsOf(owner);
  const index = current.sessions.findIndex((session) => session.key === key);
  if (index < 0) return;
  current.sessions[index]!.dispose();
  const sessions = current.sessions.filter((session) => session.key !== key);
  const activeKey = current.activeKey === key ? (sessions[index] ?? sessions[index - 1])?.key : current.activeKey;
  set(owner, { sessions, activeKey });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useContainerTerminals(owner: string): ContainerTerminals {
  return useSyncExternalStore(subscribe, () => terminalsOf(owner));
}

export function useSessionState(session: TerminalSession) {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.snapshot,
  );
}
