// fast-check arbitraries derived from zod 4 schemas, by walking `schema._zod.def`: values a caller
// could send (the schema's *input* side). Custom refinements (refine/superRefine) cannot be read
// back, so values may still fail them; give examples for such schemas through `override`, and let
// the caller classify each value with `schema.safeParse`.
import fc from 'fast-check';
import type { z } from 'zod';

export type SchemaPath = readonly (string | number)[];
/** A generator to use instead of the derived one, for a schema (by identity) or a path; undefined: derive. */
export type Override = (schema: z.ZodType, path: SchemaPath) => fc.Arbitrary<unknown> | undefined;

export interface ZodArbitraryOptions {
  override?: Override;
  /** Longest array or record generated (default 3). */
  maxItems?: number;
  /** Longest free string generated when the schema allows more (default 24). */
  maxChars?: number;
}

interface CheckDef {
  check: string;
  /** `overwrite` checks (trim, toLowerCase): the string the schema goes on with. */
  tx?: (value: string) => string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
}

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  format?: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
}

interface Internals {
  def: Def;
  optin?: 'optional';
  pattern?: RegExp;
}

const internals = (schema: z.ZodType): Internals => (schema as unknown as { _zod: Internals })._zod;
const defOf = (schema: z.ZodType): Def => internals(schema).def;

/** Strings a free-text field should also see: NUL, lone surrogates, RTL override, BOM, astral letters. */
const AWKWARD_STRINGS: readonly string[] = ['', ' ', 'a\0b', '\uD800', 'x\uDC00y', '\u202Eevil', '\uFEFF', '𝔘𝔫𝔦', '한글', '../..', '%00', '\r\n'];

function checksOf(schema: z.ZodType): CheckDef[] {
  return (defOf(schema).checks ?? []).map((check) => check._zod.def);
}

function lengthBounds(checks: CheckDef[]): { min: number; max: number | undefined } {
  let min = 0;
  let max: number | undefined;
  for (const check of checks) {
    if (check.check === 'min_length' && check.minimum !== undefined) min = Math.max(min, check.minimum);
    if (check.check === 'max_length' && check.maximum !== undefined) max = Math.min(max ?? Infinity, check.maximum);
    if (check.check === 'length_equals' && check.length !== undefined) [min, max] = [check.length, check.length];
  }
  return { min, max };
}

function stringArbitrary(schema: z.ZodType, options: Required<Omit<ZodArbitraryOptions, 'override'>>): fc.Arbitrary<string> {
  const checks = checksOf(schema);
  const { min, max } = lengthBounds(checks);
  const patterns = checks.filter((check) => check.check === 'string_format' && check.pattern).map((check) => check.pattern!);
  const own = internals(schema).pattern;
  if (defOf(schema).format && own) patterns.unshift(own);
  // Lengths and patterns are checked after trim and the like: generate what those leave.
  const overwrite = (value: string): string => checks.reduce((out, check) => (check.check === 'overwrite' && check.tx ? check.tx(out) : out), value);
  const fits = (value: string): boolean =>
    value.length >= min && (max === undefined || value.length <= max) && patterns.every((p) => new RegExp(p.source, p.flags.replace('g', '')).test(value));
  if (patterns.length > 0) {
    // fast-check cannot match case-insensitively: without the i flag it generates a subset of the matches.
    const first = patterns[0]!;
    return fc.stringMatching(new RegExp(first.source, first.flags.replace('i', '')), { size: 'small' }).map((generated) => {
      const value = overwrite(generated);
      if (fits(value)) return value;
      const cut = value.slice(0, max ?? value.length);
      return fits(cut) ? cut : value;
    });
  }
  const upper = Math.max(min, Math.min(max ?? options.maxChars, options.maxChars));
  const free = fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: upper }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: upper }) },
    { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_STRINGS) },
  );
  return free.map((generated) => {
    const value = overwrite(generated);
    return (value.length < min ? value.padEnd(min, 'x') : value).slice(0, max ?? Infinity);
  });
}

function numberArbitrary(schema: z.ZodType): fc.Arbitrary<number> {
  let min = -Number.MAX_VALUE;
  let max = Number.MAX_VALUE;
  let minExclusive = false;
  let maxExclusive = false;
  let integer = false;
  for (const check of checksOf(schema)) {
    if (check.check === 'number_format' && /int/.test(check.format ?? '')) integer = true;
    if (check.check === 'greater_than' && check.value !== undefined && Number(check.value) >= min)
      [min, minExclusive] = [Number(check.value), !check.inclusive];
    if (check.check === 'less_than' && check.value !== undefined && Number(check.value) <= max) [max, maxExclusive] = [Number(check.value), !check.inclusive];
  }
  if (integer) {
    const low = Math.max(Math.ceil(minExclusive ? min + 1 : min), Number.MIN_SAFE_INTEGER);
    const high = Math.min(Math.floor(maxExclusive ? max - 1 : max), Number.MAX_SAFE_INTEGER);
    // Boundaries are where range checks go wrong: give them extra weight.
    return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: low, max: high }) }, { weight: 1, arbitrary: fc.constantFrom(low, high) });
  }
  return fc.double({ min, max, minExcluded: minExclusive, maxExcluded: maxExclusive, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values `schema` is meant to accept (see the module comment for refinements). */
export function zodArbitrary(schema: z.ZodType, options: ZodArbitraryOptions = {}, path: SchemaPath = []): fc.Arbitrary<unknown> {
  const overridden = options.override?.(schema, path);
  if (overridden) return overridden;
  const settings = { maxItems: options.maxItems ?? 3, maxChars: options.maxChars ?? 24 };
  const child = (inner: z.ZodType, at: SchemaPath = path): fc.Arbitrary<unknown> => zodArbitrary(inner, options, at);
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema, settings);
    case 'number':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'never':
      return fc.constant(undefined);
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(child(def.innerType!), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(child(def.innerType!), { nil: null, freq: 3 });
    case 'pipe':
      // `.transform(fn)` is pipe(in, transform): generate what goes in. A pipe into a further
      // schema (`a.transform(f).pipe(b)`) is generated from b, whose values are usually valid inputs too.
      return defOf(def.out!).type === 'transform' ? child(def.in!) : child(def.out!);
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      const arbitraries = Object.fromEntries(keys.map((key) => [key, child(shape[key]!, [...path, key])]));
      const requiredKeys = keys.filter((key) => internals(shape[key]!).optin !== 'optional');
      return fc.record(arbitraries, { requiredKeys });
    }
    case 'array': {
      const { min, max } = lengthBounds(checksOf(schema));
      const maxLength = Math.max(min, Math.min(max ?? settings.maxItems, settings.maxItems));
      return fc.array(child(def.element!, [...path, 0]), { minLength: min, maxLength });
    }
    case 'record':
      return fc.dictionary(child(def.keyType!, [...path, '*']) as fc.Arbitrary<string>, child(def.valueType!, [...path, '*']), {
        maxKeys: settings.maxItems,
        noNullPrototype: true,
      });
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => child(option)));
    case 'any':
    case 'unknown':
      return fc.jsonValue();
    default:
      throw new Error(`zodArbitrary: no generator for zod type "${def.type}" at ${path.join('.') || '(root)'}`);
  }
}
