/** Opens a URL main returned (browser mode) in a new tab, only if it is http(s). */
export function openInNewTab(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  window.open(parsed.toString(), '_blank', 'noopener,noreferrer');
  return true;
}
