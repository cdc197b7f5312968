// The fuzz's generators: zodArbitrary yields values its schema accepts (for schemas without custom
// refinements), covers every contract schema, and hostile-input mutates values as it says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands, streams } from '../../src/shared/contract';
import { contractHint } from '../helpers/contract-hints';
import { DEEP_ARRAY, DEEP_LEVELS, DEEP_OBJECT, DEEP_PROTO, mutatedInput, toJson } from '../helpers/hostile-input';
import { zodArbitrary } from '../helpers/zod-arbitrary';

const plain = z
  .object({
    name: z.string().trim().min(2).max(5),
    word: z
      .string()
      .regex(/^[a-z][a-z0-9_-]*$/)
      .max(12),
    size: z.string().regex(/^\d+[kmg]?$/i),
    count: z.number().int().min(-3).max(70_000),
    ratio: z.number().min(0).max(1),
    kind: z.enum(['a', 'b']),
    exactly: z.literal('x'),
    maybe: z.boolean().optional(),
    withDefault: z.number().int().min(1).max(9).default(3),
    nullable: z.string().max(3).nullable(),
    list: z.array(z.string().max(4)).min(1).max(2),
    labels: z.record(
      z
        .string()
        .min(1)
        .max(8)
        .regex(/^[^=\s]+$/),
      z.string().max(10),
    ),
    id: z.uuid(),
    ip: z.union([z.ipv4(), z.ipv6()]),
    trimmed: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase()),
    piped: z
      .string()
      .transform((value) => value.replace(/^\//, ''))
      .pipe(
        z
          .string()
          .min(1)
          .max(20)
          .regex(/^[a-z]+$/),
      ),
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('file'), path: z.string().min(1) }).strict(),
      z.object({ kind: z.literal('none') }).strict(),
    ]),
  })
  .strict();

describe('zodArbitrary', () => {
  it('generates only values a schema without custom refinements accepts', () => {
    fc.assert(
      fc.property(zodArbitrary(plain), (value) => plain.safeParse(value).success),
      { numRuns: 500, seed: 1 },
    );
  });

  it('reaches every branch of a union and both sides of an optional', () => {
    const seen = new Set(
      fc.sample(zodArbitrary(plain), { numRuns: 300, seed: 2 }).map((value) => {
        const v = value as { source: { kind: string }; maybe?: boolean };
        return `${v.source.kind} ${v.maybe === undefined ? 'absent' : 'present'}`;
      }),
    );
    expect([...seen].sort()).toEqual(['file absent', 'file present', 'none absent', 'none present']);
  });

  it('puts NUL, lone surrogates and right-to-left marks into free text', () => {
    const texts = fc.sample(zodArbitrary(z.string().max(100)), { numRuns: 600, seed: 3 }) as string[];
    expect(texts.some((text) => text.includes('\0'))).toBe(true);
    expect(texts.some((text) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text))).toBe(true);
    expect(texts.some((text) => text.includes('\u202E'))).toBe(true);
  });

  it('lets an override replace a schema by identity or by path', () => {
    const id = z.string().min(1);
    const schema = z.object({ id, nested: z.object({ id }) });
    const values = fc.sample(zodArbitrary(schema, { override: (s, at) => (s === id ? fc.constant(at.join('.')) : undefined) }), { numRuns: 5, seed: 4 });
    expect(values).toContainEqual({ id: 'id', nested: { id: 'nested.id' } });
  });

  it('covers every command and topic of the contract, most values valid once refined fields get hints', () => {
    const schemas = {
      ...Object.fromEntries(Object.entries(commands).map(([name, spec]) => [name, spec.input])),
      ...Object.fromEntries(Object.entries(streams).map(([name, spec]) => [name, spec.input])),
    };
    const rates: Record<string, number> = {};
    for (const [name, schema] of Object.entries(schemas) as Array<[string, z.ZodType]>) {
      const values = fc.sample(zodArbitrary(schema, { override: (s, at) => contractHint(at, s) }), { numRuns: 60, seed: 5 });
      rates[name] = values.filter((value) => schema.safeParse(value ?? {}).success).length / values.length;
    }
    const poor = Object.entries(rates).filter(([, rate]) => rate < 0.3);
    expect(poor, 'channels whose generated inputs are mostly invalid').toEqual([]);
  });
});

describe('hostile-input', () => {
  it('mutates valid values in every way it names, refusing most of them', () => {
    const schema = z.object({ id: z.string().max(10), tags: z.array(z.string().max(5)).max(3) }).strict();
    const samples = fc.sample(mutatedInput(zodArbitrary(schema), false), { numRuns: 400, seed: 6 });
    expect(new Set(samples.map((sample) => sample.mutation))).toEqual(new Set(['replace-root', 'replace-field', 'delete-field', 'extra-key', 'prototype-key']));
    const refused = samples.filter((sample) => !schema.safeParse(sample.input).success).length;
    expect(refused / samples.length).toBeGreaterThan(0.7);
  });

  it('writes 10,000-level nestings as JSON that parses back', () => {
    const text = toJson({ a: [1, DEEP_ARRAY], b: 'x\0' });
    let depth = 0;
    let node = (JSON.parse(text) as { a: unknown[] }).a[1];
    while (Array.isArray(node) && node.length) [node, depth] = [node[0], depth + 1];
    expect(depth).toBe(DEEP_LEVELS);
    expect((JSON.parse(text) as { b: string }).b).toBe('x\0');
    // A copy of the outer level (as confine makes) holds inner levels: those are recognised too.
    expect(toJson({ ...(DEEP_OBJECT as object) })).toBe(`${'{"a":'.repeat(DEEP_LEVELS)}{}${'}'.repeat(DEEP_LEVELS)}`);
    expect(toJson(DEEP_PROTO).length).toBe(DEEP_LEVELS * '{"__proto__":}'.length + 2);
  });
});
