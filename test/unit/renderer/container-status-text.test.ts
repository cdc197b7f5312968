// The status line in the UI's language, from the real catalogs: English reads as the engine's own
// line, Korean has none of the engine's English left.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../src/renderer/i18n/locales/en/containers.json';
import ko from '../../../src/renderer/i18n/locales/ko/containers.json';
import { exitCodeText, statusText } from '../../../src/renderer/features/containers/status-text';

const LINES = [
  'Up Less than a second',
  'Up 1 second',
  'Up About a minute',
  'Up 5 minutes (Paused)',
  'Up About an hour (healthy)',
  'Up 3 days (health: starting)',
  'Up 2 weeks (unhealthy)',
  'Exited (0) 2 hours ago',
  'Exited (137) 5 months ago',
  'Exited (-1)',
  'Restarting (1) Less than a second ago',
  'Created',
  'Removal In Progress',
  'Dead',
];

async function translator(language: 'en' | 'ko') {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { containers: en }, ko: { containers: ko } },
    ns: ['containers'],
    defaultNS: 'containers',
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(language, 'containers');
}

describe('container status text', () => {
  it('in English, the engine line itself', async () => {
    const t = await translator('en');
    for (const line of LINES) expect(statusText(line, t, 'en')).toBe(line);
  });

  it('in Korean, no English word of the engine is left', async () => {
    const t = await translator('ko');
    for (const line of LINES) {
      const shown = statusText(line, t, 'ko');
      expect(shown, line).not.toMatch(/[A-Za-z]/);
      expect(shown.length, line).toBeGreaterThan(1);
    }
    expect(statusText('Up 5 minutes (Paused)', t, 'ko')).toBe('5분 동안 실행 중 (일시 정지)');
    expect(statusText('Exited (0) 2 hours ago', t, 'ko')).toBe('종료 코드 0 · 2시간 전');
  });

  it('the exit code part a narrow row keeps whole is where the shown line starts', async () => {
    for (const language of ['en', 'ko'] as const) {
      const t = await translator(language);
      expect(statusText('Exited (137) 5 months ago', t, language).startsWith(exitCodeText('Exited (137) 5 months ago', t) ?? '-')).toBe(true);
      expect(exitCodeText('Up 5 minutes', t)).toBeUndefined();
    }
    expect(exitCodeText('Exited (137) 5 months ago', await translator('en'))).toBe('Exited (137)');
  });

  it('a line outside the engine grammar is shown as it is', async () => {
    expect(statusText('Something new', await translator('ko'), 'ko')).toBe('Something new');
  });
});
