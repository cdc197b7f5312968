// Content-Disposition of browser-mode downloads: filename* must use only RFC 5987 attr-chars
// bare, and the ASCII fallback must not break out of its quotes.
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/main/web/transfer-routes';

/** RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" */
const EXT_VALUE = /^UTF-8''(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})*$/;

function extValue(header: string): string {
  const match = /; filename\*=(.*)$/.exec(header);
  if (!match) throw new Error(`no filename* in ${header}`);
  return match[1]!;
}

describe('contentDisposition', () => {
  it.each(["it's (1).tar", 'star*.tar', "a'b", '(x)', 'plain.tar', 'space and 한글.tar', 'pct%20.tar'])(
    '%s: filename* uses attr-chars only and decodes back',
    (name) => {
      const value = extValue(contentDisposition(name));
      expect(value).toMatch(EXT_VALUE);
      expect(decodeURIComponent(value.slice("UTF-8''".length))).toBe(name);
    },
  );

  it("percent-encodes ' ( ) * in filename*", () => {
    expect(extValue(contentDisposition("it's (1)*.tar"))).toBe("UTF-8''it%27s%20%281%29%2A.tar");
  });

  it('keeps a quote-safe ASCII fallback', () => {
    expect(contentDisposition('a"b\\c 한.tar')).toBe(`attachment; filename="a_b_c _.tar"; filename*=UTF-8''a%22b%5Cc%20%ED%95%9C.tar`);
  });
});
