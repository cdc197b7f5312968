/** base64 (as main sends output) -> bytes, for xterm's own UTF-8 decoder. */
export function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A binary string (one char per byte, as xterm's onBinary gives it) -> base64. */
export function binaryToBase64(binary: string): string {
  return btoa(binary);
}

/**
 * Splits text into pieces of at most `max` UTF-16 units without cutting a surrogate pair, so a
 * big paste goes to main in several commands, each a valid string.
 */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + max, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}
