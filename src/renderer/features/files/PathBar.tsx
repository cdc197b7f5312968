import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { breadcrumbs, normalizeTypedPath } from './file-format';

interface PathBarProps {
  path: string;
  onNavigate(path: string): void;
}

/** Breadcrumbs to every parent, and a path box (Enter to go). */
export function PathBar({ path, onNavigate }: PathBarProps) {
  const { t } = useTranslation('files');
  const [draft, setDraft] = useState(path);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setDraft(path);
    setInvalid(false);
  }, [path]);

  const go = (event: FormEvent): void => {
    event.preventDefault();
    const target = normalizeTypedPath(draft);
    setInvalid(target === undefined);
    if (target !== undefined) onNavigate(target);
  };

  const crumbs = breadcrumbs(path);
  return (
    <div className="files-pathbar">
      <nav aria-label={t('path.breadcrumbs')} className="files-crumbs">
        {crumbs.map(([label, target], index) => (
          <span key={target} className="files-crumb">
            {index > 1 && (
              <span aria-hidden="true" className="muted">
                /
              </span>
            )}
            {index === crumbs.length - 1 ? (
              <span aria-current="location" className="files-crumb-current">
                {label}
              </span>
            ) : (
              <button type="button" className="ghost small" onClick={() => onNavigate(target)}>
                {label}
              </button>
            )}
          </span>
        ))}
      </nav>
      <form className="files-pathform" onSubmit={go}>
        <label className="visually-hidden" htmlFor="files-path-input">
          {t('path.label')}
        </label>
        <input
          id="files-path-input"
          className="mono files-path-input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'files-path-error' : undefined}
        />
        <button type="submit" className="small">
          {t('path.go')}
        </button>
        {invalid && (
          <span id="files-path-error" role="alert" className="files-path-error">
            {t('path.absolute')}
          </span>
        )}
      </form>
    </div>
  );
}
