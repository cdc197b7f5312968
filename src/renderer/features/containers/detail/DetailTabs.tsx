import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fitTabs } from './fit-tabs';
import { TabsMoreMenu } from './TabsMoreMenu';
import type { DetailTab } from '../../../tab-types';

/** px between tabs: the `.tabs` gap. */
const GAP = 2;

interface DetailTabsProps {
  tabs: readonly DetailTab[];
  active: string;
  onChoose(id: string): void;
  /** Changes when the chosen tab should take the focus (chosen by keyboard, menu or palette). */
  focusRequest: number;
}

/**
 * The detail view's tab row. The tabs that do not fit the width go into a "More" menu, so every
 * tab stays reachable by mouse in a narrow window and the row never scrolls the pane sideways.
 * Hidden tabs stay in the tablist (hidden), so arrow keys still reach every tab.
 */
export function DetailTabs({ tabs, active, onChoose, focusRequest }: DetailTabsProps) {
  const { t } = useTranslation('detail');
  const barRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const [sizes, setSizes] = useState<{ widths: number[]; chosenWidths: number[]; more: number; available: number }>();
  const labels = tabs.map((tab) => t(tab.labelKey));
  const labelKey = labels.join('\u0000');

  useLayoutEffect(() => {
    const bar = barRef.current;
    const measure = measureRef.current;
    if (!bar || !measure) return;
    const read = (): void => {
      // One span per tab as it looks unchosen, one per tab chosen (bold), then the More button.
      const spans = ([...measure.children] as HTMLElement[]).map((span) => span.getBoundingClientRect().width + GAP);
      const more = spans.pop() ?? 0;
      setSizes({
        widths: spans.slice(0, tabs.length),
        chosenWidths: spans.slice(tabs.length),
        more,
        available: bar.getBoundingClientRect().width,
      });
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(bar);
    // The labels' widths change when a late font arrives.
    observer.observe(measure);
    return () => observer.disconnect();
  }, [labelKey, tabs.length]);

  const activeIndex = Math.max(
    0,
    tabs.findIndex((tab) => tab.id === active),
  );
  const widths = sizes?.widths.map((width, index) => (index === activeIndex ? (sizes.chosenWidths[index] ?? width) : width));
  const shown = sizes && widths ? fitTabs(widths, sizes.more, sizes.available, activeIndex) : tabs.map(() => true);
  const overflow = tabs.filter((_, index) => !shown[index]);

  useLayoutEffect(() => {
    if (focusRequest > 0) tabRefs.current.get(active)?.focus();
    // Only a new request moves the focus, not every change of the chosen tab.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (event.key === 'Home') onChoose(tabs[0]?.id ?? active);
    else if (event.key === 'End') onChoose(tabs.at(-1)?.id ?? active);
    else if (step) onChoose(tabs[(activeIndex + step + tabs.length) % tabs.length]?.id ?? active);
    else return;
    event.preventDefault();
  };

  return (
    <div className="tabs-bar" ref={barRef}>
      <div role="tablist" aria-label={t('tabsLabel')} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((candidate, index) => (
          <button
            key={candidate.id}
            ref={(element) => {
              if (element) tabRefs.current.set(candidate.id, element);
            }}
            type="button"
            role="tab"
            id={`tab-${candidate.id}`}
            aria-selected={active === candidate.id}
            aria-controls={`panel-${candidate.id}`}
            tabIndex={active === candidate.id ? 0 : -1}
            hidden={!shown[index]}
            className={active === candidate.id ? 'tab active' : 'tab'}
            onClick={() => onChoose(candidate.id)}
          >
            {labels[index]}
          </button>
        ))}
      </div>
      {overflow.length > 0 && <TabsMoreMenu items={overflow.map((tab) => ({ id: tab.id, label: t(tab.labelKey) }))} onChoose={onChoose} />}
      <div className="tabs-measure" ref={measureRef} aria-hidden="true">
        {labels.map((label, index) => (
          <span key={tabs[index]?.id ?? index} className="tab">
            {label}
          </span>
        ))}
        {labels.map((label, index) => (
          <span key={`chosen-${tabs[index]?.id ?? index}`} className="tab active">
            {label}
          </span>
        ))}
        <span className="tab">{t('tabsMore')} ▾</span>
      </div>
    </div>
  );
}
