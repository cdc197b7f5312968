import { useEffect, useState } from 'react';
import { repositoryProblem } from '../../../shared/images/reference';
import { useClient } from '../../api/ClientContext';
import { repositoryForSuggestions } from './task-model';

const SUGGESTION_DELAY_MS = 350;

export interface TagSuggestionState {
  repository: string | undefined;
  /** Full references to offer (`repo:tag`). */
  references: string[];
  /** Why the registry gave none, when it said (never an error: typing goes on). */
  unavailable: string | undefined;
}

const NONE: TagSuggestionState = { repository: undefined, references: [], unavailable: undefined };

/** Once a repository is typed (and the typing pauses), the tags its registry lists; nothing where it does not answer. */
export function useTagSuggestions(text: string): TagSuggestionState {
  const client = useClient();
  const [state, setState] = useState<TagSuggestionState>(NONE);
  const repository = repositoryForSuggestions(text);
  const valid = repository !== undefined && repositoryProblem(repository) === undefined;

  useEffect(() => {
    if (!valid || !repository) return;
    let live = true;
    const timer = window.setTimeout(() => {
      client.invoke('registries.tags', { repository }).then(
        (answer) => live && setState({ repository, references: answer.tags.map((tag) => `${repository}:${tag}`), unavailable: answer.unavailable }),
        () => live && setState({ repository, references: [], unavailable: undefined }),
      );
    }, SUGGESTION_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, repository, valid]);

  return state.repository === repository ? state : NONE;
}
