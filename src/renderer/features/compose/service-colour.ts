/** How many service colours there are (compose.css: `.service-colour-0` … `-7`, light and dark). */
const COLOURS = 8;

/** The same service always gets the same colour (FNV-1a of its name), as `docker compose logs` keeps one per service. */
export function serviceColour(service: string): number {
  let hash = 0x811c9dc5;
  for (const char of service) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
  return (hash >>> 0) % COLOURS;
}
