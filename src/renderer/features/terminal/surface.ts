import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { textScale } from '../../format/text-scale';
import { copyText } from './clipboard';
import { isLeaveKey } from './leave-terminal';
import { terminalTheme } from './xterm-theme';

export interface SurfaceEvents {
  data(data: string): void;
  binary(data: string): void;
  resize(cols: number, rows: number): void;
  link(uri: string): void;
  /** Ctrl+Shift+F (Cmd+F on a Mac) in the terminal. */
  find(): void;
}

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

function monoFont(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--mono').trim() || 'monospace';
}

/**
 * One xterm.js terminal and its addons, rendered into an element of its own that is moved into
 * whichever panel shows the session: the terminal (and its scrollback) outlives the React tree.
 */
export class TerminalSurface {
  readonly term: Terminal;
  readonly search = new SearchAddon();
  readonly element: HTMLDivElement;
  private readonly fitAddon = new FitAddon();
  private opened = false;
  private observer: ResizeObserver | undefined;
  private frame = 0;

  constructor(events: SurfaceEvents) {
    this.element = document.createElement('div');
    this.element.className = 'term-surface';
    this.term = new Terminal({
      fontFamily: monoFont(),
      fontSize: Math.round(13 * textScale()),
      lineHeight: 1.15,
      scrollback: 5000,
      cursorBlink: !matchMedia('(prefers-reduced-motion: reduce)').matches,
      allowProposedApi: true,
      theme: terminalTheme(),
    });
    this.term.loadAddon(this.fitAddon);
    this.term.loadAddon(this.search);
    this.term.loadAddon(new WebLinksAddon((_event, uri) => events.link(uri)));
    this.term.onData((data) => events.data(data));
    this.term.onBinary((data) => events.binary(data));
    this.term.onResize(({ cols, rows }) => events.resize(cols, rows));
    this.term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown') return true;
      // Not for the shell: the event goes on up to TerminalHost, which moves the focus out.
      if (isLeaveKey(event)) return false;
      const key = event.key.toLowerCase();
      const chord = IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && event.shiftKey;
      if (chord && key === 'c') {
        if (this.term.hasSelection()) void copyText(this.term.getSelection());
        event.preventDefault();
        return false;
      }
      // Let the browser paste (a paste event xterm handles, bracketed when the program asks).
      if (chord && key === 'v') return false;
      if (chord && key === 'f') {
        event.preventDefault();
        events.find();
        return false;
      }
      return true;
    });
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  /** Shows the terminal in `parent` (first time: opens it there) and keeps it fitted to it. */
  mount(parent: HTMLElement): void {
    parent.appendChild(this.element);
    if (!this.opened) {
      this.term.open(this.element);
      this.opened = true;
    }
    this.observer?.disconnect();
    this.observer = new ResizeObserver(() => this.scheduleFit());
    this.observer.observe(parent);
    this.scheduleFit();
  }

  unmount(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
    this.element.remove();
  }

  focus(): void {
    this.term.focus();
  }

  write(data: Uint8Array | string, done?: () => void): void {
    this.term.write(data, done);
  }

  setTheme(): void {
    this.term.options.theme = terminalTheme();
  }

  dispose(): void {
    this.unmount();
    this.term.dispose();
  }

  private scheduleFit(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.fit());
  }

  /** Fits rows and columns to the panel; a hidden panel (size 0) keeps the last size. */
  private fit(): void {
    if (!this.element.isConnected || this.element.clientWidth < 20 || this.element.clientHeight < 20) return;
    const size = this.fitAddon.proposeDimensions();
    if (!size || !Number.isFinite(size.cols) || !Number.isFinite(size.rows)) return;
    if (size.cols !== this.term.cols || size.rows !== this.term.rows) this.term.resize(Math.max(size.cols, 2), Math.max(size.rows, 1));
  }
}
