// The engine banner's message: main's "The Docker engine is not reachable (why)." is flattened into
// the banner's own sentence, so it reads "The Docker engine at HOST is not reachable: why." in both
// languages, with no "(… (…).)" nesting whatever the engine said.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { isEngineUnavailable, outageReason } from '../../../src/renderer/features/engine/outage-message';
import en from '../../../src/renderer/i18n/locales/en/engine.json';
import ko from '../../../src/renderer/i18n/locales/ko/engine.json';
import { BerthError } from '../../../src/shared/errors';
import { UNREACHABLE_CODES, UNREACHABLE_REASONS, type UnreachableCode } from '../../../src/shared/types/engine';

const HOST = 'unix:///var/run/docker.sock';
const NESTED = /\([^()]*\(/;

const unreachable = (code: UnreachableCode): string => `The Docker engine is not reachable (${UNREACHABLE_REASONS[code]}).`;

async function banner(language: 'en' | 'ko', error: string | undefined, code?: UnreachableCode): Promise<string> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { engine: en }, ko: { engine: ko } },
    ns: ['engine'],
    defaultNS: 'engine',
    interpolation: { escapeValue: false },
  });
  const reason = code ? instance.t(`reasons.${code}`) : outageReason(error);
  return reason ? instance.t('banner', { host: HOST, reason }) : instance.t('bannerNoReason', { host: HOST });
}

describe('outageReason', () => {
  it.each(UNREACHABLE_CODES)("takes the reason out of main's message for %s", (code) => {
    const message = unreachable(code);
    expect(message).toMatch(/^The Docker engine is not reachable \(.+\)\.$/);
    const reason = outageReason(message);
    expect(reason).toBeDefined();
    expect(message).toContain(`(${reason})`);
    expect(reason).not.toMatch(/[().]|not reachable/);
  });

  it('turns any other message into a clause without parentheses', () => {
    expect(outageReason('The engine said (500): boom (try again).')).toBe('the engine said, 500: boom, try again');
    expect(outageReason('TLS handshake failed')).toBe('TLS handshake failed');
    expect(outageReason('Error (a (b) c).')).not.toMatch(/[()]/);
    expect(outageReason('')).toBeUndefined();
    expect(outageReason('  ..  ')).toBeUndefined();
    expect(outageReason(undefined)).toBeUndefined();
  });
});

describe('the engine banner', () => {
  it.each(['en', 'ko'] as const)('is one sentence with no nesting in %s', async (language) => {
    for (const error of [unreachable('ENOENT'), unreachable('ECONNREFUSED'), 'The engine said (503): unavailable (maintenance).', undefined]) {
      const text = await banner(language, error);
      expect(text, text).not.toMatch(NESTED);
      expect(text, text).not.toMatch(/The Docker engine is not reachable/);
      expect(text.split(/[.!?](\s|$)/).filter((part) => part.trim()).length, text).toBe(1);
    }
    expect(await banner('en', unreachable('ENOENT'))).toBe(`The Docker engine at ${HOST} is not reachable: its socket does not exist.`);
  });

  it("words the socket's reason in the UI's language when main names it", async () => {
    for (const code of UNREACHABLE_CODES) {
      expect(await banner('en', unreachable(code), code)).toBe(await banner('en', unreachable(code)));
      const korean = await banner('ko', unreachable(code), code);
      expect(korean, korean).not.toContain(UNREACHABLE_REASONS[code]);
      expect(korean.replace(HOST, '').replace('Docker', ''), korean).not.toMatch(/[A-Za-z]/);
      expect(korean, korean).not.toMatch(NESTED);
    }
  });
});

describe('isEngineUnavailable', () => {
  it('is true only for the engine-unavailable code', () => {
    expect(isEngineUnavailable(new BerthError('ENGINE_UNAVAILABLE', unreachable('ENOENT')))).toBe(true);
    expect(isEngineUnavailable(new BerthError('NOT_FOUND', 'No such container: web'))).toBe(false);
    expect(isEngineUnavailable(new Error('plain'))).toBe(false);
  });
});
