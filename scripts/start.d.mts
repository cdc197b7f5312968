// Types for the parts of start.mjs that TypeScript tests use.
export type ElectronBinary =
  { path: string; missing?: undefined } | { path?: undefined; missing: 'exec-path' | 'override' | 'package' | 'binary'; looked: string };
export declare function findElectronBinary(env?: Record<string, string | undefined>, projectRoot?: string, platform?: string): ElectronBinary;
export declare function missingElectronMessage(found: Extract<ElectronBinary, { missing: string }>): string;
