import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface TabsMoreMenuProps {
  items: ReadonlyArray<{ id: string; label: string }>;
  onChoose(id: string): void;
}

/**
 * "More ▾": a menu button with the tabs that do not fit. Keys as in the ARIA menu button pattern:
 * Enter, Space or ↓ open it on the first item (↑ on the last), ↑/↓/Home/End move, Escape closes
 * back to the button, Tab closes.
 */
export function TabsMoreMenu({ items, onChoose }: TabsMoreMenuProps) {
  const { t } = useTranslation('detail');
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);

  useEffect(() => {
    if (open) itemRefs.current[focused]?.focus();
  }, [open, focused]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent): void => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openAt = (index: number): void => {
    setFocused(index);
    setOpen(true);
  };
  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onButtonKey = (event: KeyboardEvent): void => {
    // Enter and Space click the button, which opens the menu on its first item.
    if (event.key === 'ArrowDown') openAt(0);
    else if (event.key === 'ArrowUp') openAt(items.length - 1);
    else return;
    event.preventDefault();
  };

  const onMenuKey = (event: KeyboardEvent): void => {
    const last = items.length - 1;
    if (event.key === 'ArrowDown') setFocused((index) => (index >= last ? 0 : index + 1));
    else if (event.key === 'ArrowUp') setFocused((index) => (index <= 0 ? last : index - 1));
    else if (event.key === 'Home') setFocused(0);
    else if (event.key === 'End') setFocused(last);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
  };

  return (
    <div className="tabs-more" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={open ? 'tab tabs-more-button open' : 'tab tabs-more-button'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        {t('tabsMore')}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <div role="menu" id={menuId} aria-label={t('tabsMoreLabel')} className="tabs-more-menu" onKeyDown={onMenuKey}>
          {items.map((item, index) => (
            <button
              key={item.id}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={index === focused ? 0 : -1}
              onClick={() => {
                setOpen(false);
                onChoose(item.id);
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
