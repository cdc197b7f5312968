import { z } from 'zod';
import { LANGUAGES } from '../languages';
import { command, returns, stream } from './define';

export const THEME_SETTINGS = ['system', 'light', 'dark'] as const;
export type ThemeSetting = (typeof THEME_SETTINGS)[number];
export const LANGUAGE_SETTINGS = ['system', ...LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

const theme = z.enum(THEME_SETTINGS);
const language = z.enum(LANGUAGE_SETTINGS);

/** Defaults for the log view (the logs feature reads these when it opens). */
const logs = z.object({
  /** Lines fetched before following (`docker logs --tail`). */
  tail: z.number().int().min(1, 'Tail must be at least 1 line.').max(100_000, 'Tail can be at most 100000 lines.'),
  timestamps: z.boolean(),
  wrap: z.boolean(),
});

const stats = z.object({
  /** How much history the stats charts keep (one sample a second). */
  historySeconds: z.number().int().min(30, 'Keep at least 30 seconds.').max(3600, 'Keep at most 3600 seconds.'),
});

/** Ask before these actions; off runs them at once with the default options. */
const confirm = z.object({
  remove: z.boolean(),
  kill: z.boolean(),
});

const notifications = z.object({
  /** Notify when a long export, import or copy finishes while the window is in the background. */
  longTasks: z.boolean(),
});

/** The containers list's own preferences. */
const containerList = z.object({
  /** The size column (`docker ps --size`): off by default, as the engine computes sizes slowly. */
  showSize: z.boolean(),
});

/** The colour the user gave each engine (by engine id), shown wherever that engine is current. */
const ENGINE_COLOUR = /^#[0-9a-f]{6}$/;
const MAX_ENGINE_COLOURS = 200;
const engines = z.object({
  colours: z
    .record(z.string().min(1).max(200), z.string().regex(ENGINE_COLOUR, 'An engine colour is #rrggbb (lower case).'))
    .refine((colours) => Object.keys(colours).length <= MAX_ENGINE_COLOURS, `At most ${MAX_ENGINE_COLOURS} engine colours.`),
});

const sections = { logs, stats, confirm, notifications, containerList, engines } as const;

const settingsSchema = z.object({ theme, language, ...sections }).strict();
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  language: 'system',
  logs: { tail: 1000, timestamps: false, wrap: false },
  stats: { historySeconds: 900 },
  confirm: { remove: true, kill: true },
  notifications: { longTasks: true },
  containerList: { showSize: false },
  engines: { colours: {} },
};

/** A change: any subset of the settings, one level deep. Unknown keys are refused. */
export const settingsPatchSchema = z
  .object({
    theme: theme.optional(),
    language: language.optional(),
    logs: logs.partial().strict().optional(),
    stats: stats.partial().strict().optional(),
    confirm: confirm.partial().strict().optional(),
    notifications: notifications.partial().strict().optional(),
    containerList: containerList.partial().strict().optional(),
    engines: engines.partial().strict().optional(),
  })
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

type SectionName = keyof typeof sections;
const SECTION_NAMES = Object.keys(sections) as SectionName[];

export function applySettingsPatch(base: Settings, patch: SettingsPatch): Settings {
  const next: Settings = { ...base, ...(patch.theme && { theme: patch.theme }), ...(patch.language && { language: patch.language }) };
  for (const name of SECTION_NAMES) {
    const change = patch[name];
    if (change) next[name] = { ...base[name], ...change } as never;
  }
  return next;
}

/**
 * Settings from a file an older or newer version may have written, or a person edited: every
 * field that is valid is kept, every other field falls back to its default (never the whole file).
 */
export function settingsFromStored(raw: unknown): Settings {
  const stored = isRecord(raw) ? raw : {};
  const result: Settings = structuredClone(DEFAULT_SETTINGS);
  if (theme.safeParse(stored.theme).success) result.theme = stored.theme as ThemeSetting;
  if (language.safeParse(stored.language).success) result.language = stored.language as LanguageSetting;
  for (const name of SECTION_NAMES) {
    const section = stored[name];
    if (!isRecord(section)) continue;
    const shape = sections[name].shape as Record<string, z.ZodType>;
    const target = result[name] as Record<string, unknown>;
    for (const [key, schema] of Object.entries(shape)) {
      if (schema.safeParse(section[key]).success) target[key] = section[key];
    }
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nothing = z.object({}).strict();

export const settingsCommands = {
  /** The saved settings (defaults for anything never set). */
  'settings.get': command(nothing, returns<Settings>()),
  /** Changes some settings, saves them, and returns all of them. */
  'settings.set': command(settingsPatchSchema, returns<Settings>()),
} as const;

export const settingsStreams = {
  /** The settings at once, then after every change (from any window or browser tab). */
  'settings.watch': stream(nothing, returns<Settings>(), { resumable: true }),
} as const;
