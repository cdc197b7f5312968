import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommandList } from '../../commands/CommandsProvider';
import { fuzzyFilter } from '../../commands/fuzzy';
import type { AppCommand } from '../../commands/registry';
import { useFocusReturn } from '../../components/useModalDialog';
import { Keys } from './Keys';
import '../../styles/palette.css';

/** Commands the palette does not list (opening itself). */
const HIDDEN = new Set(['palette.open']);

interface CommandPaletteProps {
  onClose(): void;
}

/**
 * Ctrl/Cmd+K: a modal <dialog> with a combobox (the query) that owns a listbox of commands;
 * arrow keys move the active option (aria-activedescendant), Enter runs it, Escape closes.
 */
export function CommandPalette({ onClose }: CommandPaletteProps) {
  const { t } = useTranslation('palette');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const all = useCommandList();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const baseId = useId();
  const listId = `${baseId}-list`;
  useFocusReturn();

  const matches = useMemo(
    () =>
      fuzzyFilter(
        all.filter((command) => !HIDDEN.has(command.id)),
        query,
        (command) => [command.title, `${command.group} ${command.title}`, ...(command.keywords ?? [])],
      ),
    [all, query],
  );
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));
  const optionId = (index: number): string => `${baseId}-option-${index}`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const run = (command: AppCommand | undefined): void => {
    if (!command) return;
    onClose();
    command.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const count = matches.length;
    const move = (to: number): void => {
      event.preventDefault();
      if (count > 0) setActive((to + count) % count);
    };
    if (event.key === 'ArrowDown') move(activeIndex + 1);
    else if (event.key === 'ArrowUp') move(activeIndex - 1);
    else if (event.key === 'PageDown') move(Math.min(count - 1, activeIndex + 8));
    else if (event.key === 'PageUp') move(Math.max(0, activeIndex - 8));
    else if (event.key === 'Enter') {
      event.preventDefault();
      run(matches[activeIndex]);
    } else if ((event.ctrlKey || event.metaKey) && event.code === 'KeyK') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog palette"
      aria-label={t('palette.title')}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (event.target === dialogRef.current) onClose();
      }}
    >
      <input
        className="palette-input"
        type="text"
        role="combobox"
        aria-label={t('palette.label')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? optionId(activeIndex) : undefined}
        placeholder={t('palette.placeholder')}
        value={query}
        autoFocus
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul ref={listRef} id={listId} role="listbox" aria-label={t('palette.results')} className="palette-list">
        {matches.map((command, index) => (
          <li
            key={command.id}
            id={optionId(index)}
            data-index={index}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'palette-option active' : 'palette-option'}
            onMouseMove={() => index !== activeIndex && setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(command)}
          >
            <span className="palette-title">{command.title}</span>
            <span className="palette-group">{command.group}</span>
            {command.shortcutId && <Keys shortcutId={command.shortcutId} />}
          </li>
        ))}
      </ul>
      {matches.length === 0 && (
        <p className="palette-empty" role="status">
          {t('palette.empty', { query })}
        </p>
      )}
      <p className="palette-hint muted">{t('palette.hint')}</p>
    </dialog>
  );
}
