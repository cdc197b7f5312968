/**
 * The renderer's Content-Security-Policy, for both hosts (the desktop app's berth:// protocol and
 * browser mode's server): only the app's own scripts, no framing, no forms, no plugins.
 * `connectTo` adds where the page may open connections besides its own origin (browser mode's
 * WebSocket). src/renderer/index.html repeats it in a meta tag for the built page.
 */
export function contentSecurityPolicy(connectTo: readonly string[] = []): string {
  const connect = ["'self'", ...connectTo].join(' ');
  return `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src ${connect}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`;
}
