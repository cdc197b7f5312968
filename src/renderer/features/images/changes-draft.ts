import { EMPTY_CHANGES, changeLineProblem, changeLines, type ImageChanges, type KeyValue } from '../../../shared/images/change-lines';

/** The change form as typed: lists the user types on one line (ports, volumes) or several (triggers) stay text. */
export interface ChangesDraft {
  cmd: string;
  entrypoint: string;
  env: KeyValue[];
  expose: string;
  workdir: string;
  user: string;
  volumes: string;
  labels: KeyValue[];
  onbuild: string;
}

export type ChangeField = keyof ChangesDraft;

export const EMPTY_DRAFT: ChangesDraft = { cmd: '', entrypoint: '', env: [], expose: '', workdir: '', user: '', volumes: '', labels: [], onbuild: '' };

const words = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

export function draftFrom(changes: ImageChanges): ChangesDraft {
  return {
    ...changes,
    expose: changes.expose.join(' '),
    volumes: changes.volumes.join(' '),
    onbuild: changes.onbuild.join('\n'),
  };
}

export function changesFrom(draft: ChangesDraft): ImageChanges {
  return {
    ...EMPTY_CHANGES,
    ...draft,
    expose: words(draft.expose),
    volumes: words(draft.volumes),
    onbuild: draft.onbuild
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

export const draftLines = (draft: ChangesDraft): string[] => changeLines(changesFrom(draft));

/** An ENV name the form can write unquoted: the engine would read a space or = in it differently. */
const ENV_NAME = /^[^\s="'\\$]+$/;

/** Keys under `problems` in the `images` catalog: the form says each in the user's language. */
export type ChangeProblem = 'command' | 'envName' | 'envNoName' | 'expose' | 'workdir' | 'user' | 'volumes' | 'labelNoKey' | 'onbuild';

/** Which fields would write a line the engine refuses or misreads (checked with the same rules as main). */
export function draftProblems(draft: ChangesDraft): Partial<Record<ChangeField, ChangeProblem>> {
  const changes = changesFrom(draft);
  const problems: Partial<Record<ChangeField, ChangeProblem>> = {};
  const bad = (line: string): boolean => changeLineProblem(line) !== undefined;
  if (changes.cmd.trim() && bad(`CMD ${changes.cmd.trim()}`)) problems.cmd = 'command';
  if (changes.entrypoint.trim() && bad(`ENTRYPOINT ${changes.entrypoint.trim()}`)) problems.entrypoint = 'command';
  if (changes.env.some((row) => row.key.trim() && !ENV_NAME.test(row.key.trim()))) problems.env = 'envName';
  else if (changes.env.some((row) => !row.key.trim() && row.value)) problems.env = 'envNoName';
  if (changes.expose.length && bad(`EXPOSE ${changes.expose.join(' ')}`)) problems.expose = 'expose';
  if (changes.workdir.trim() && bad(`WORKDIR ${changes.workdir.trim()}`)) problems.workdir = 'workdir';
  if (changes.user.trim() && bad(`USER ${changes.user.trim()}`)) problems.user = 'user';
  if (changes.volumes.length && bad(`VOLUME ${JSON.stringify(changes.volumes)}`)) problems.volumes = 'volumes';
  if (changes.labels.some((row) => !row.key.trim() && row.value)) problems.labels = 'labelNoKey';
  if (changes.onbuild.some((trigger) => bad(`ONBUILD ${trigger}`))) problems.onbuild = 'onbuild';
  return problems;
}
