import * as fc from 'fast-check';
import type { JsonValue } from './json-value.js';
import { jsonScalar, jsonValue } from './json-value.js';
import { nastyString } from './nasty-string.js';
import { invalidOption, isArbitrary } from './options.js';

/** Leaf kinds a {@link BodyShape} may name. `'json'` is any small JSON value, strings most often. */
export type BodyShapeLeaf = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'json';

/**
 * The shape of generated JSON bodies: a leaf kind, a fast-check arbitrary of the value, a one-element
 * array `[itemShape]` for arrays, or an object whose keys are the body's keys. A key ending in `?` is
 * optional (sometimes absent).
 *
 * @example
 * ```ts
 * const shape: BodyShape = { name: 'string', 'age?': 'integer', tags: ['string'], kind: fc.constantFrom('cat', 'dog') };
 * assertTemplateRendersJson(template, { bodyShape: shape });
 * ```
 */
export type BodyShape =
  | BodyShapeLeaf
  | fc.Arbitrary<unknown>
  | readonly [BodyShape]
  | { readonly [key: string]: BodyShape };

const LEAVES: readonly string[] = ['string', 'number', 'integer', 'boolean', 'null', 'json'];

/**
 * Turns a body shape into an arbitrary of values of that shape, validating the whole shape eagerly.
 * `where` and `at` name the option in error messages (`bodyShape.tags[0]`).
 */
export function shapeArbitrary(shape: unknown, where: string, at = 'bodyShape'): fc.Arbitrary<unknown> {
  if (typeof shape === 'string') {
    if (!LEAVES.includes(shape)) {
      throw invalidOption(
        where,
        at,
        shape,
        `Use one of ${LEAVES.map((l) => `'${l}'`).join(', ')}, [shape], { key: shape } or an arbitrary`,
      );
    }
    return leafArbitrary(shape as BodyShapeLeaf);
  }
  if (isArbitrary(shape)) return shape;
  if (Array.isArray(shape)) {
    if (shape.length !== 1) {
      throw invalidOption(where, at, shape, "Describe an array with exactly one item shape, e.g. ['string']");
    }
    return fc.array(shapeArbitrary(shape[0], where, `${at}[0]`), { maxLength: 4 });
  }
  if (typeof shape === 'object' && shape !== null && Object.getPrototypeOf(shape) === Object.prototype) {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const [rawKey, child] of Object.entries(shape)) {
      const optional = rawKey.endsWith('?');
      const key = optional ? rawKey.slice(0, -1) : rawKey;
      record[key] = shapeArbitrary(child, where, `${at}.${rawKey}`);
      if (!optional) required.push(key);
    }
    return fc.record(record, { requiredKeys: required, noNullPrototype: true });
  }
  throw invalidOption(
    where,
    at,
    shape,
    "Use a leaf name such as 'string', [shape], { key: shape } or a fast-check arbitrary",
  );
}

function leafArbitrary(leaf: BodyShapeLeaf): fc.Arbitrary<unknown> {
  switch (leaf) {
    case 'string':
      return nastyString();
    case 'number':
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'integer':
      return fc.integer();
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return anyLeaf();
  }
}

/** A value at a path a template reads: mostly nasty strings, sometimes other scalars, objects or arrays. */
export function anyLeaf(): fc.Arbitrary<JsonValue> {
  return fc.oneof(
    { arbitrary: nastyString(), weight: 6 },
    { arbitrary: jsonScalar(), weight: 2 },
    { arbitrary: jsonValue({ maxDepth: 1, maxKeys: 3, topLevel: 'object' }), weight: 1 },
    { arbitrary: jsonValue({ maxDepth: 1, maxKeys: 3, topLevel: 'array' }), weight: 1 },
  );
}
