import { useModalDialog } from '../../components/useModalDialog';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS, WIDGET_KEYS, type ShortcutSpec, type WidgetKeysSpec } from '../../commands/shortcuts';
import { KeyAlternatives, Keys } from './Keys';
import '../../styles/palette.css';

const SECTIONS: ReadonlyArray<ShortcutSpec['section']> = ['general', 'containers', 'terminal'];
const WIDGET_SECTIONS: ReadonlyArray<WidgetKeysSpec['section']> = ['containerList', 'logs'];

/** "?": every keyboard shortcut, from the one list the key handler uses. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('palette');
  const { ref, onCancel } = useModalDialog(onClose);
  return (
    <dialog ref={ref} className="dialog shortcuts-dialog" aria-labelledby="shortcuts-title" onCancel={onCancel}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`shortcuts-${section}`}>
          <h3 id={`shortcuts-${section}`}>{t(`shortcuts.sections.${section}`)}</h3>
          <dl className="shortcut-list">
            {SHORTCUTS.filter((shortcut) => shortcut.section === section).map((shortcut) => (
              <div key={shortcut.id}>
                <dt>{t(`shortcuts.names.${shortcut.id}`)}</dt>
                <dd>
                  <Keys shortcutId={shortcut.id} all />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {WIDGET_SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`shortcuts-${section}`}>
          <h3 id={`shortcuts-${section}`}>{t(`shortcuts.sections.${section}`)}</h3>
          <dl className="shortcut-list">
            {WIDGET_KEYS.filter((widgetKeys) => widgetKeys.section === section).map((widgetKeys) => (
              <div key={widgetKeys.id}>
                <dt>{t(`shortcuts.widget.${widgetKeys.id}`)}</dt>
                <dd>
                  <KeyAlternatives alternatives={widgetKeys.keys} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
