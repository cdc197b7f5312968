import { splitShellWords } from '../../../shared/cli/shell-quote';
import { DEFAULT_DETACH_KEYS, parseDetachKeys } from '../../../shared/terminal/detach-keys';
import type { SessionSpec } from '../../../shared/terminal/session-spec';

export type NewSessionKind = SessionSpec['kind'];

/** The new-session form's fields, as typed. */
export interface NewSessionDraft {
  kind: NewSessionKind;
  command: string;
  user: string;
  workingDir: string;
  env: string;
  logs: boolean;
  detachKeys: string;
}

export const EMPTY_DRAFT: NewSessionDraft = { kind: 'shell', command: '', user: '', workingDir: '', env: '', logs: false, detachKeys: DEFAULT_DETACH_KEYS };

/** A field's problem: a key in the `terminal` namespace's `form.issues`, with values. */
export interface DraftIssue {
  field: 'command' | 'user' | 'workingDir' | 'env' | 'detachKeys';
  key: string;
  values?: Record<string, string | number>;
}

export type DraftResult = { ok: true; spec: SessionSpec } | { ok: false; issues: DraftIssue[] };

/** Checks the form as main's schema would, and builds the session it asks for. */
export function specFromDraft(draft: NewSessionDraft, container: { id: string; name: string }): DraftResult {
  const issues: DraftIssue[] = [];
  const base = { containerId: container.id, containerName: container.name };
  if (draft.kind === 'attach') {
    const detachKeys = draft.detachKeys.trim() || DEFAULT_DETACH_KEYS;
    if (!parseDetachKeys(detachKeys)) issues.push({ field: 'detachKeys', key: 'detachKeys' });
    return issues.length ? { ok: false, issues } : { ok: true, spec: { ...base, kind: 'attach', logs: draft.logs, detachKeys } };
  }

  let command: string[] | undefined;
  const split = splitShellWords(draft.command);
  if (!split.ok) issues.push({ field: 'command', key: 'commandQuotes' });
  else if (split.words.length > 0) command = split.words;
  else if (draft.kind === 'command') issues.push({ field: 'command', key: 'commandRequired' });

  const user = draft.user.trim();
  if (user && !/^[a-zA-Z0-9_.:-]+$/.test(user)) issues.push({ field: 'user', key: 'user' });
  const workingDir = draft.workingDir.trim();
  if (workingDir && !workingDir.startsWith('/')) issues.push({ field: 'workingDir', key: 'workingDir' });

  const env: Array<{ key: string; value: string }> = [];
  draft.env.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const at = line.indexOf('=');
    const key = at < 0 ? line : line.slice(0, at);
    if (at <= 0 || /\s/.test(key)) issues.push({ field: 'env', key: 'env', values: { line: index + 1 } });
    else env.push({ key, value: line.slice(at + 1) });
  });

  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    spec: {
      ...base,
      kind: draft.kind,
      ...(command ? { command } : {}),
      ...(user ? { user } : {}),
      ...(workingDir ? { workingDir } : {}),
      ...(env.length ? { env } : {}),
    },
  };
}
