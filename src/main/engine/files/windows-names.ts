/**
 * Names a container may hold that Windows cannot: `\` and `:` (Windows reads them as a path
 * separator and a drive or stream), the device names (CON, NUL, COM1, … with any extension: they
 * open the device, not a file) and names ending in a space or a dot (Windows drops those, so
 * `a.` and `a` would be one file). The platform is a parameter so the check is tested anywhere.
 */

const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[1-9¹²³]|lpt[1-9¹²³])(\..*)?$/i;

/** Why a `/`-separated name (an entry's path or a link's target) cannot be written on `platform`, or undefined. */
export function windowsNameProblem(name: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform !== 'win32') return undefined;
  for (const part of name.split('/')) {
    if (part === '' || part === '.' || part === '..') continue;
    if (/[\\:]/.test(part)) return `"${part}" holds \\ or :, which Windows reads as part of a path`;
    if (RESERVED.test(part)) return `"${part}" is a name Windows reserves for a device`;
    if (/[ .]$/.test(part)) return `"${part}" ends in a space or a dot, which Windows drops`;
  }
  return undefined;
}
