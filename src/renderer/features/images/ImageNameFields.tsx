import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repositoryProblem, tagProblem } from '../../../shared/images/reference';

/** The repository and tag a new image gets (commit, import), checked as the engine would. */
export function useImageName() {
  const [repository, setRepository] = useState('');
  const [tag, setTag] = useState('');
  const repo = repository.trim();
  const trimmedTag = tag.trim();
  const repoProblem = repo ? repositoryProblem(repo) : undefined;
  const tagIssue = trimmedTag ? (repo ? tagProblem(trimmedTag) : 'needsRepository') : undefined;
  return {
    repository,
    tag,
    setRepository,
    setTag,
    repoProblem,
    tagIssue,
    invalid: Boolean(repoProblem) || Boolean(tagIssue),
    /** Trimmed, for the CLI line. */
    trimmed: { repository: repo, tag: trimmedTag },
    /** Only what was given, for the contract input. */
    reference: { ...(repo ? { repository: repo } : {}), ...(trimmedTag ? { tag: trimmedTag } : {}) },
  };
}

export type ImageName = ReturnType<typeof useImageName>;

export function ImageNameFields({ name }: { name: ImageName }) {
  const { t } = useTranslation('images');
  return (
    <div className="two-fields">
      <label>
        {t('fields.repository')}
        <input
          value={name.repository}
          onChange={(event) => name.setRepository(event.target.value)}
          placeholder={t('fields.repositoryPlaceholder')}
          aria-invalid={Boolean(name.repoProblem)}
          spellCheck={false}
        />
        {name.repoProblem && (
          <span className="field-problem" role="alert">
            {t('problems.repository')}
          </span>
        )}
      </label>
      <label>
        {t('fields.tag')}
        <input
          value={name.tag}
          onChange={(event) => name.setTag(event.target.value)}
          placeholder={t('fields.tagPlaceholder')}
          aria-invalid={Boolean(name.tagIssue)}
          spellCheck={false}
        />
        {name.tagIssue && (
          <span className="field-problem" role="alert">
            {t(name.tagIssue === 'needsRepository' ? 'problems.tagNeedsRepository' : 'problems.tag')}
          </span>
        )}
      </label>
    </div>
  );
}

/** "Created image X" with the button that opens the create form on it. */
export function ImageCreatedNotice({
  text,
  actionLabel,
  image,
  onCreateContainer,
}: {
  text: string;
  actionLabel: string;
  image: string;
  onCreateContainer(image: string): void;
}) {
  return (
    <div className="images-success" role="status">
      <span>{text}</span>
      <button type="button" className="primary" onClick={() => onCreateContainer(image)}>
        {actionLabel}
      </button>
    </div>
  );
}
