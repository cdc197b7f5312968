import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { isMacPlatform, keyLabels, shortcutById } from '../../commands/shortcuts';

const isMac = isMacPlatform();

/** A shortcut's keys as <kbd>s; alternatives joined by "or". */
export function Keys({ shortcutId, all = false }: { shortcutId: string; all?: boolean }) {
  const shortcut = shortcutById(shortcutId);
  if (!shortcut) return null;
  return <KeyAlternatives alternatives={all ? shortcut.keys : shortcut.keys.slice(0, 1)} />;
}

/** Key combinations as <kbd>s, joined by "or". */
export function KeyAlternatives({ alternatives }: { alternatives: readonly string[] }) {
  const { t } = useTranslation('palette');
  return (
    <span className="keys">
      {alternatives.map((keys, index) => (
        <Fragment key={keys}>
          {index > 0 && <span className="keys-or">{t('shortcuts.or')}</span>}
          <span className="keys-combo">
            {keyLabels(keys, isMac).map((label) => (
              <kbd key={label}>{label}</kbd>
            ))}
          </span>
        </Fragment>
      ))}
    </span>
  );
}
