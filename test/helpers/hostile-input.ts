// Inputs a hostile client could send instead of valid ones: a valid value mutated at one place
// (wrong type, huge or awkward string, deep nesting, prototype keys, extra or missing keys,
// non-finite or out-of-range numbers). `jsonOnly` keeps to what survives JSON (browser mode);
// otherwise structured-clone values (Map, Date, BigInt, typed arrays, cycles) are added, which
// Electron's IPC can deliver.
import fc from 'fast-check';

export const ONE_MB_STRING = 'a'.repeat(1 << 20);
export const DEEP_LEVELS = 10_000;

function deepArray(levels = DEEP_LEVELS): unknown {
  let value: unknown = [];
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
}

function deepObject(levels = DEEP_LEVELS, key = 'a'): unknown {
  let value: unknown = {};
  for (let i = 0; i < levels; i += 1) value = { [key]: value };
  return value;
}

/** Own (not inherited) `__proto__`, `constructor` and `prototype` keys, as JSON.parse makes them. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const pollutingObject = (): unknown =>
  JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}');

/** The hostile nestings (one of each, shared: they are never changed). */
export const DEEP_ARRAY = deepArray();
export const DEEP_OBJECT = deepObject();
export const DEEP_PROTO = deepObject(DEEP_LEVELS, '__proto__');

/** Every node of the hostile nestings, with the JSON text from it down (made when first asked). */
const deepNodes = new Map<unknown, () => string>();
for (const [root, open, empty, close] of [
  [DEEP_ARRAY, '[', '[]', ']'],
  [DEEP_OBJECT, '{"a":', '{}', '}'],
  [DEEP_PROTO, '{"__proto__":', '{}', '}'],
] as const) {
  let node: unknown = root;
  for (let depth = DEEP_LEVELS; depth >= 0; depth -= 1) {
    const levels = depth;
    deepNodes.set(node, () => `${open.repeat(levels)}${empty}${close.repeat(levels)}`);
    node = Array.isArray(node) ? node[0] : (node as Record<string, unknown>)[open === '{"a":' ? 'a' : '__proto__'];
  }
}

/**
 * JSON text of any JSON-safe value, the 10,000-level nestings included (JSON.stringify recurses and
 * runs out of stack on them): they, and any level inside them, are put in as text made without recursion.
 */
export function toJson(value: unknown): string {
  const deepRoot = deepNodes.get(value);
  if (deepRoot) return deepRoot();
  const marks: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    const deep = deepNodes.get(item);
    if (deep === undefined) return item;
    marks.push(deep());
    return `\u0000deep${marks.length - 1}\u0000`;
  });
  return marks.reduce((out, deep, index) => out.replace(`"\\u0000deep${index}\\u0000"`, () => deep), text);
}

const JSON_HOSTILE: ReadonlyArray<() => unknown> = [
  () => null,
  () => true,
  () => 0,
  () => -1,
  () => 1.5,
  () => '',
  () => 'string',
  () => [],
  () => ({}),
  () => [null],
  () => ONE_MB_STRING,
  () => '\uD800',
  () => 'a\uDFFFb',
  () => '\u202Egnp.exe',
  () => 'nul\0byte',
  () => '\0',
  () => '/\0/etc/passwd',
  () => '../../../../etc/passwd',
  () => ' '.repeat(70_000),
  () => Number.MAX_SAFE_INTEGER + 2,
  () => -Number.MAX_SAFE_INTEGER - 2,
  () => 1e308,
  () => -1e308,
  () => 5e-324,
  () => 2 ** 31,
  () => 2 ** 32 + 1,
  () => 65_536,
  () => DEEP_ARRAY,
  () => DEEP_OBJECT,
  () => DEEP_PROTO,
  pollutingObject,
  () => ['a', 1, null, {}, []],
  () => ({ length: 1e9 }),
  () => ({ toString: 1, valueOf: 1 }),
  () => ({ then: 'x' }),
];

function cyclic(): unknown {
  const value: Record<string, unknown> = { a: 1 };
  value.self = value;
  return value;
}

const CLONE_ONLY_HOSTILE: ReadonlyArray<() => unknown> = [
  () => Number.NaN,
  () => Infinity,
  () => -Infinity,
  () => -0,
  () => undefined,
  () => 10n ** 30n,
  () => new Date(Number.NaN),
  () => new Map([['id', 'x']]),
  () => new Set(['x']),
  () => new Uint8Array(16),
  () => new ArrayBuffer(8),
  () => /x/g,
  () => new Error('boom'),
  () => Object.create(null) as unknown,
  cyclic,
  // A sparse array: holes where a schema expects items.
  () => new Array(5),
];

function hostileValue(jsonOnly: boolean): fc.Arbitrary<unknown> {
  const pool = jsonOnly ? JSON_HOSTILE : [...JSON_HOSTILE, ...CLONE_ONLY_HOSTILE];
  return fc.integer({ min: 0, max: pool.length - 1 }).map((index) => pool[index]!());
}

type Container = Record<string, unknown> | unknown[];
const isContainer = (value: unknown): value is Container =>
  typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);

/** Every place inside a plain JSON-like value (depth-first), the root first. */
function placesIn(value: unknown, limit = 200): Container[] {
  const found: Container[] = [];
  const walk = (node: unknown): void => {
    if (!isContainer(node) || found.length >= limit) return;
    found.push(node);
    for (const item of Object.values(node)) walk(item);
  };
  walk(value);
  return found;
}

function defineOwn(target: Container, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export type Mutation = 'replace-root' | 'replace-field' | 'delete-field' | 'extra-key' | 'prototype-key';

/** A valid value, mutated at one place; the mutation's kind is returned with it (for the report). */
export function mutatedInput(valid: fc.Arbitrary<unknown>, jsonOnly: boolean): fc.Arbitrary<{ input: unknown; mutation: Mutation }> {
  const kind = fc.constantFrom<Mutation>('replace-root', 'replace-field', 'replace-field', 'delete-field', 'extra-key', 'prototype-key');
  return fc
    .tuple(valid, kind, fc.nat(), fc.nat(), hostileValue(jsonOnly), fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 }))
    .map(([value, mutation, placeIndex, keyIndex, hostile, protoKey, extraKey]) => {
      const input = structuredClone(value);
      const places = placesIn(input);
      if (mutation === 'replace-root' || places.length === 0) return { input: hostile, mutation: 'replace-root' as const };
      const place = places[placeIndex % places.length]!;
      const keys = Object.keys(place);
      const key = keys.length ? keys[keyIndex % keys.length]! : undefined;
      if (mutation === 'replace-field' && key !== undefined) defineOwn(place, key, hostile);
      else if (mutation === 'delete-field' && key !== undefined) {
        if (Array.isArray(place)) place.splice(Number(key), 1);
        else delete place[key];
      } else if (mutation === 'prototype-key') defineOwn(place, Array.isArray(place) ? place.length : protoKey, hostile);
      else defineOwn(place, Array.isArray(place) ? place.length : extraKey || 'extra', hostile);
      return { input, mutation };
    });
}
