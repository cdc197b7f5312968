// ANSI SGR escape sequences to styled text segments (no HTML is ever built from log text).
// Everything else a terminal would act on (cursor moves, OSC titles, other escapes) is dropped;
// a carriage return starts the line over, as a terminal overwrites it (progress bars).

/** A colour: an index into the 256-colour palette, or an `rgb(...)` string for 24-bit colour. */
export type AnsiColor = number | string;

export interface AnsiStyle {
  fg?: AnsiColor;
  bg?: AnsiColor;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

export interface AnsiSegment {
  text: string;
  /** Undefined: the default style. */
  style?: AnsiStyle;
}

const ESC = '\x1b';
/** Control characters other than tab and ESC: shown as their Unicode control pictures (␀ ␇ ␡). */
const VISIBLE_CONTROL = /[\x00-\x08\x0a-\x1a\x1c-\x1f\x7f]/g;
/** Quick check: is there anything to interpret at all? */
const NEEDS_WORK = /[\x00-\x08\x0a-\x1f\x7f]/;

function controlPicture(char: string): string {
  const code = char.charCodeAt(0);
  return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
}

/** True when the raw line has escapes or control characters (most lines have none). */
export function needsAnsiWork(raw: string): boolean {
  return NEEDS_WORK.test(raw);
}

function isEmptyStyle(style: AnsiStyle): boolean {
  for (const key in style) if (style[key as keyof AnsiStyle] !== undefined) return false;
  return true;
}

/** Reads an extended colour (38/48;5;n or 38/48;2;r;g;b) starting at params[i]; returns it and how many params it used. */
function extendedColor(params: number[], i: number): [AnsiColor | undefined, number] {
  const mode = params[i + 1];
  if (mode === 5) {
    const index = params[i + 2];
    return [index !== undefined && index >= 0 && index <= 255 ? index : undefined, 2];
  }
  if (mode === 2) {
    const [r, g, b] = [params[i + 2], params[i + 3], params[i + 4]];
    const ok = [r, g, b].every((v) => v !== undefined && v >= 0 && v <= 255);
    return [ok ? `rgb(${r}, ${g}, ${b})` : undefined, 4];
  }
  return [undefined, 0];
}

/** Applies one SGR parameter list to a style (a new object; segments keep theirs). */
export function applySgr(current: AnsiStyle, params: number[]): AnsiStyle {
  const style: AnsiStyle = { ...current };
  if (params.length === 0) params = [0];
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p === 0) for (const key of Object.keys(style)) delete style[key as keyof AnsiStyle];
    else if (p === 1) style.bold = true;
    else if (p === 2) style.dim = true;
    else if (p === 3) style.italic = true;
    else if (p === 4) style.underline = true;
    else if (p === 7) style.inverse = true;
    else if (p === 9) style.strike = true;
    else if (p === 21 || p === 22) style.bold = style.dim = undefined;
    else if (p === 23) style.italic = undefined;
    else if (p === 24) style.underline = undefined;
    else if (p === 27) style.inverse = undefined;
    else if (p === 29) style.strike = undefined;
    else if (p >= 30 && p <= 37) style.fg = p - 30;
    else if (p === 39) style.fg = undefined;
    else if (p >= 40 && p <= 47) style.bg = p - 40;
    else if (p === 49) style.bg = undefined;
    else if (p >= 90 && p <= 97) style.fg = p - 90 + 8;
    else if (p >= 100 && p <= 107) style.bg = p - 100 + 8;
    else if (p === 38 || p === 48) {
      const [color, used] = extendedColor(params, i);
      if (p === 38) style.fg = color;
      else style.bg = color;
      i += used;
    }
  }
  return style;
}

/** Where an escape sequence starting at `at` (the ESC) ends (exclusive), and its SGR params if it is one. */
function readEscape(raw: string, at: number): { end: number; sgr?: number[] } {
  const kind = raw[at + 1];
  if (kind === '[') {
    let end = at + 2;
    while (end < raw.length) {
      const code = raw.charCodeAt(end);
      if (code >= 0x40 && code <= 0x7e) break;
      end++;
    }
    if (end >= raw.length) return { end: raw.length };
    if (raw[end] !== 'm') return { end: end + 1 };
    const body = raw.slice(at + 2, end);
    if (!/^[\d;:]*$/.test(body)) return { end: end + 1 };
    const sgr = body === '' ? [] : body.split(/[;:]/).map((part) => (part === '' ? 0 : Number(part)));
    return { end: end + 1, sgr };
  }
  if (kind === ']' || kind === 'P' || kind === '_' || kind === '^') {
    // OSC/DCS/APC/PM strings end at BEL or ST (ESC \).
    for (let end = at + 2; end < raw.length; end++) {
      if (raw[end] === '\x07') return { end: end + 1 };
      if (raw[end] === ESC && raw[end + 1] === '\\') return { end: end + 2 };
    }
    return { end: raw.length };
  }
  // Character set designations (ESC ( B and the like) take one more character.
  if (kind !== undefined && '()*+-./#%'.includes(kind)) return { end: Math.min(raw.length, at + 3) };
  return { end: Math.min(raw.length, at + 2) };
}

/**
 * Splits a raw log line into styled segments. The segments' texts joined are exactly
 * `plainText(raw)`, so search positions in the plain text map onto the segments.
 */
export function parseAnsi(raw: string): AnsiSegment[] {
  if (!needsAnsiWork(raw)) return [{ text: raw }];
  let segments: AnsiSegment[] = [];
  let style: AnsiStyle = {};
  let text = '';
  const push = (): void => {
    if (!text) return;
    const visible = text.replace(VISIBLE_CONTROL, controlPicture);
    segments.push(isEmptyStyle(style) ? { text: visible } : { text: visible, style });
    text = '';
  };
  const special = /[\x1b\r]/g;
  let i = 0;
  while (i < raw.length) {
    special.lastIndex = i;
    const found = special.exec(raw);
    const next = found ? found.index : raw.length;
    if (next > i) text += raw.slice(i, next);
    if (!found) break;
    if (raw[next] === ESC) {
      push();
      const escape = readEscape(raw, next);
      if (escape.sgr) style = applySgr(style, escape.sgr);
      i = escape.end;
    } else {
      // A carriage return: a terminal writes over the line from its start, so keep only what follows.
      if (next < raw.length - 1) {
        text = '';
        segments = [];
      }
      i = next + 1;
    }
  }
  push();
  return segments;
}

/** The text a line shows (escapes removed, controls made visible): what search and copy see. */
export function plainText(raw: string): string {
  if (!needsAnsiWork(raw)) return raw;
  let out = '';
  for (const segment of parseAnsi(raw)) out += segment.text;
  return out;
}
