import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useEngineReach } from '../engine';
import { useEngineSelection } from './EngineSelection';
import { swatchStyle } from './EngineTag';
import { shownState, type EngineShownState } from './engine-state';
import { ManageEnginesDialog } from './ManageEnginesDialog';
import '../../styles/engines.css';

const ALL = '\u0000all';
const MANAGE = '\u0000manage';

/** The top bar's engine menu: open, pick (two clicks); the selected engine's colour on the button. */
export function EngineSwitcher() {
  const { t } = useTranslation('engines');
  const selection = useEngineSelection();
  const { engines, selected, allEngines } = selection;
  const { state: live } = useEngineReach();
  const [open, setOpen] = useState(false);
  const [managing, setManaging] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const current = engines?.find((engine) => engine.id === selected);
  const currentName = current?.name ?? selected;

  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const checked = menuRef.current?.querySelector<HTMLElement>('[aria-checked="true"]') ?? menuRef.current?.querySelector<HTMLElement>('[role^="menuitem"]');
    checked?.focus();
    const outside = (event: MouseEvent): void => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const pick = (id: string): void => {
    close(true);
    if (id === ALL) selection.setAllEngines(true);
    else if (id === MANAGE) setManaging(true);
    else selection.select(id);
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (index: number): void => items[(index + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  const stateText = (state: EngineShownState): string =>
    state.kind === 'unreachable' ? (state.reason ? t('state.unreachableBecause', { reason: state.reason }) : t('state.unreachable')) : t(`state.${state.kind}`);

  const selectedState = shownState(current, live);
  return (
    <div className="engine-switcher">
      <button
        ref={buttonRef}
        type="button"
        className={`engine-switcher-button engine-state-${selectedState.kind}`}
        style={swatchStyle(allEngines ? undefined : selection.colourOf(selected))}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        data-testid="engine-switcher"
      >
        <span className="engine-swatch" aria-hidden="true" />
        {/* Said, not shown: at twice the text size the name needs the room. */}
        <span className="visually-hidden">{t('switcher.caption')} </span>
        <strong>{allEngines ? t('all.short', { name: currentName }) : currentName}</strong>
        <span className="visually-hidden">, {stateText(selectedState)}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menuRef} id={menuId} role="menu" aria-label={t('switcher.menu')} className="engine-menu" onKeyDown={onMenuKey}>
          {engines === undefined && <p className="muted engine-menu-note">{selection.listError ? selection.listError.message : t('state.connecting')}</p>}
          {engines?.map((engine) => {
            const state = shownState(engine, engine.id === selected ? live : undefined);
            return (
              <button
                key={engine.id}
                type="button"
                role="menuitemradio"
                aria-checked={!allEngines && engine.id === selected}
                tabIndex={-1}
                className="engine-menu-item"
                style={swatchStyle(selection.colourOf(engine.id))}
                onClick={() => pick(engine.id)}
              >
                <span className="engine-swatch" aria-hidden="true" />
                <span className="engine-menu-text">
                  <span className="engine-menu-name">
                    {engine.name}
                    {engine.current && <span className="muted"> · {t('cliCurrent')}</span>}
                  </span>
                  <span className="engine-menu-endpoint">{engine.endpoint}</span>
                  <span className={`engine-menu-state engine-state-${state.kind}`}>{stateText(state)}</span>
                </span>
              </button>
            );
          })}
          <div role="separator" className="engine-menu-separator" />
          <button type="button" role="menuitemradio" aria-checked={allEngines} tabIndex={-1} className="engine-menu-item" onClick={() => pick(ALL)}>
            <span className="engine-menu-text">
              <span className="engine-menu-name">{t('all.label')}</span>
              <span className="engine-menu-endpoint">{t('all.hint')}</span>
            </span>
          </button>
          <button type="button" role="menuitem" tabIndex={-1} className="engine-menu-item" onClick={() => pick(MANAGE)}>
            <span className="engine-menu-text">
              <span className="engine-menu-name">{t('manage.open')}</span>
            </span>
          </button>
        </div>
      )}
      {/* Outside the top bar's banner landmark: the dialog's own header must not sit in it. */}
      {managing && createPortal(<ManageEnginesDialog onClose={() => setManaging(false)} />, document.body)}
    </div>
  );
}
