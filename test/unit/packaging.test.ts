/**
 * Packaging configuration checks for electron-builder.yml (and the Playwright test-build
 * variant electron-builder.test.yml).
 *
 * The schema check uses electron-builder's own loader and validator from app-builder-lib
 * (getConfig / validateConfiguration: the same functions `electron-builder` runs before a build,
 * backed by app-builder-lib/scheme.json and ajv), so no Electron binary is needed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';

// js-yaml ships no type declarations (and @types/js-yaml is not installed), so type the one call we use.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(source: string): unknown };

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG_FILE = 'electron-builder.yml';
const TEST_CONFIG_FILE = 'electron-builder.test.yml';

// A YAML document under test, deliberately invalid ones included: indexed freely, checked by assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Config = Record<string, any>;

const RELEASE_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} as const;

const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512];

function readYaml(file: string): Config {
  const data = yaml.load(readFileSync(join(ROOT, file), 'utf8'));
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${file} does not contain a YAML mapping`);
  }
  return data as Config;
}

/** electron-builder's validator only needs `isEnabled` (for its debug log). */
const quietDebugLogger = { isEnabled: false, add() {} } as unknown as Parameters<typeof validateConfiguration>[1];

/** Validate against app-builder-lib/scheme.json. The validator coerces types in place, so pass a copy. */
function validate(config: Config): Promise<void> {
  return validateConfiguration(structuredClone(config), quietDebugLogger);
}

/** Target names of one platform section: `target` may be a string, or a list of strings / {target} objects. */
function targetNames(platform: Config | undefined): string[] {
  const target = platform?.target;
  const list: unknown[] = target == null ? [] : Array.isArray(target) ? target : [target];
  return list.map((t) => (typeof t === 'string' ? t : String((t as { target?: unknown }).target)));
}

/** Width and height from a PNG's IHDR chunk (which must be the first chunk), or throws if not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) {
    throw new Error(`${file} is not a PNG file`);
  }
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error(`${file}: first PNG chunk is not IHDR`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every value of a key named `icon`, anywhere in the config, with its location. */
function iconReferences(node: unknown, path = 'config'): { where: string; value: string }[] {
  if (node === null || typeof node !== 'object') return [];
  const found: { where: string; value: string }[] = [];
  for (const [key, value] of Object.entries(node)) {
    const where = `${path}.${key}`;
    if (key === 'icon' && typeof value === 'string') found.push({ where, value });
    else found.push(...iconReferences(value, where));
  }
  return found;
}

/** electron-builder looks icons up relative to buildResources first, then to the project dir. */
function resolveIcon(config: Config, icon: string): string | undefined {
  const buildResources = config.directories?.buildResources ?? 'build';
  return [join(ROOT, buildResources, icon), join(ROOT, icon)].find((p) => existsSync(p));
}

describe('electron-builder.yml', () => {
  const config = readYaml(CONFIG_FILE);

  it("is valid according to electron-builder's own schema validator", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it("loads through electron-builder's config loader and still validates", async () => {
    const loaded = await getConfig(ROOT, CONFIG_FILE, null);
    expect(loaded.appId).toBe('dev.berth.app');
    await expect(validate(loaded as Config)).resolves.toBeUndefined();
  });

  it('the validator is not vacuous: it rejects unknown keys and wrong types', async () => {
    // (For anyOf-typed options electron-builder reports only the option, not the bad sub-key.)
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodeX: false } })).rejects.toThrow(
      /does not match the API schema[\s\S]*configuration\.electronFuses/,
    );
    await expect(validate({ ...config, nsis: { ...config.nsis, oneClick: 'sometimes' } })).rejects.toThrow(/configuration\.nsis/);
    await expect(validate({ ...config, appIdd: 'dev.berth.app' })).rejects.toThrow(/unknown property 'appIdd'/);
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('dev.berth.app');
    expect(config.productName).toBe('Berth');
  });

  it('builds from out/ into dist/ as an asar', () => {
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'assets' });
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    const positive = (config.files as string[]).filter((f) => !f.startsWith('!'));
    expect(positive.sort()).toEqual(['out/**/*', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.artifactName).toBe('${productName}-${version}-${os}-${arch}.${ext}');
  });

  it('has the four release targets: AppImage, deb, dmg, nsis', () => {
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(targetNames(config.win)).toEqual(['nsis']);
  });

  it('has the platform metadata', () => {
    expect(config.linux.category).toBe('Development');
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(typeof config.linux.synopsis).toBe('string');
    expect(config.mac.category).toBe('public.app-category.developer-tools');
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
  });

  it('sets every Electron fuse to its hardened release value', () => {
    expect(config.electronFuses).toEqual(RELEASE_FUSES);
  });

  it('references icons that exist and are PNGs of the right size', () => {
    const refs = iconReferences(config);
    expect(refs.map((r) => r.where).sort()).toEqual(['config.linux.icon', 'config.mac.icon', 'config.win.icon']);
    for (const { where, value } of refs) {
      const file = resolveIcon(config, value);
      expect(file, `${where}: ${value} not found`).toBeDefined();
      if (statSync(file!).isDirectory()) {
        // Linux icon set: file names carry the size (NxN.png) and must match the image.
        const names = readdirSync(file!).filter((n) => n.endsWith('.png'));
        const sizes = names.map((name) => {
          const m = /^(\d+)x(\d+)\.png$/.exec(name);
          expect(m, `${where}: ${name} is not named NxN.png`).not.toBeNull();
          expect(pngSize(join(file!, name)), `${where}: ${name}`).toEqual({ width: Number(m![1]), height: Number(m![2]) });
          return Number(m![1]);
        });
        expect(sizes.sort((a, b) => a - b)).toEqual(LINUX_ICON_SIZES);
      } else {
        // mac needs >= 512x512, Windows >= 256x256; we ship one 512x512 PNG for both.
        expect(pngSize(file!), `${where}: ${value}`).toEqual({ width: 512, height: 512 });
      }
    }
  });

  it('keeps the icon source next to the renders', () => {
    expect(readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8')).toMatch(/<svg[\s>]/);
  });
});

describe('electron-builder.test.yml (Playwright test builds)', () => {
  it('extends the release config and only enables the Node CLI inspect fuse', async () => {
    expect(readYaml(TEST_CONFIG_FILE).extends).toBe('./electron-builder.yml');
    // getConfig resolves `extends` and deep-merges exactly as `electron-builder --config` does.
    const merged = (await getConfig(ROOT, TEST_CONFIG_FILE, null)) as Config;
    const release = (await getConfig(ROOT, CONFIG_FILE, null)) as Config;
    expect(merged.electronFuses).toEqual({ ...RELEASE_FUSES, enableNodeCliInspectArguments: true });
    const { electronFuses: _a, extends: _b, ...mergedRest } = merged;
    const { electronFuses: _c, extends: _d, ...releaseRest } = release;
    expect(mergedRest).toEqual(releaseRest);
    await expect(validate(merged)).resolves.toBeUndefined();
  });

  it('resolves paths from the project dir, independent of the working directory', () => {
    expect(existsSync(resolve(ROOT, readYaml(TEST_CONFIG_FILE).extends))).toBe(true);
  });
});
