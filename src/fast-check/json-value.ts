import * as fc from 'fast-check';
import { nastyString } from './nasty-string.js';
import { enumOption, intOption, readOptions } from './options.js';

/** A value JSON can carry. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Options of {@link jsonValue}. */
export interface JsonValueOptions {
  /** Deepest nesting of arrays/objects. Default 2. */
  maxDepth?: number;
  /** Most keys per object and items per array. Default 4. */
  maxKeys?: number;
  /** What the top level is: `'any'` (default), `'object'`, `'array'` or `'scalar'`. */
  topLevel?: 'any' | 'object' | 'array' | 'scalar';
}

/** Options of {@link jsonBody}: those of {@link jsonValue} plus the text layout. */
export interface JsonBodyOptions extends JsonValueOptions {
  /** `'compact'` (JSON.stringify), `'pretty'` (2-space or tab indents) or `'mixed'` (default): bodies are verbatim on AWS. */
  layout?: 'compact' | 'pretty' | 'mixed';
}

const VALUE_KEYS = ['maxDepth', 'maxKeys', 'topLevel'] as const;
const BODY_KEYS = [...VALUE_KEYS, 'layout'] as const;

interface JsonValueSettings {
  maxDepth: number;
  maxKeys: number;
  topLevel: 'any' | 'object' | 'array' | 'scalar';
}

/** Completes the defaults of {@link JsonValueOptions} in one place. */
function valueSettings(where: string, o: Record<string, unknown>): JsonValueSettings {
  return {
    maxDepth: intOption(where, o, 'maxDepth', 2, 0, 20),
    maxKeys: intOption(where, o, 'maxKeys', 4, 0, 100),
    topLevel: enumOption(where, o, 'topLevel', 'any', ['any', 'object', 'array', 'scalar']),
  };
}

/**
 * JSON values whose strings (values **and** keys) are full of nasty characters: quotes, backslashes,
 * newlines, tabs, control characters, astral emoji, `</script>`, and VTL's `$`, `${}` and `#`. Numbers are
 * integers and finite doubles. Seed it with fast-check's own `seed` parameter.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { jsonValue } from 'apigw-testkit/fast-check';
 * fc.assert(fc.property(jsonValue(), (v) => JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v)));
 * ```
 */
export function jsonValue(options?: JsonValueOptions): fc.Arbitrary<JsonValue> {
  const where = 'jsonValue';
  return jsonValueFrom(valueSettings(where, readOptions(where, options, VALUE_KEYS)));
}

/**
 * JSON request/response bodies as text: {@link jsonValue} serialised compactly or pretty-printed.
 * The default top level is an object, the usual shape of an API body.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { jsonBody } from 'apigw-testkit/fast-check';
 * fc.assert(fc.property(jsonBody(), (body) => typeof JSON.parse(body) === 'object'));
 * ```
 */
export function jsonBody(options?: JsonBodyOptions): fc.Arbitrary<string> {
  const where = 'jsonBody';
  const o = readOptions(where, options, BODY_KEYS);
  const settings = valueSettings(where, { topLevel: 'object', ...o });
  const layout = enumOption(where, o, 'layout', 'mixed', ['compact', 'pretty', 'mixed']);
  return serialise(jsonValueFrom(settings), layout);
}

/** Serialises JSON values with the chosen layout. */
export function serialise(
  values: fc.Arbitrary<unknown>,
  layout: 'compact' | 'pretty' | 'mixed',
): fc.Arbitrary<string> {
  if (layout === 'compact') return values.map((v) => JSON.stringify(v));
  const indents = layout === 'pretty' ? fc.constantFrom(2, '\t') : fc.constantFrom(0, 2, '\t');
  return fc.tuple(values, indents).map(([v, indent]) => JSON.stringify(v, null, indent));
}

/** Scalars with strings weighted heaviest: strings are where templates break. */
export function jsonScalar(): fc.Arbitrary<JsonValue> {
  return fc.oneof(
    { arbitrary: nastyString(), weight: 6 },
    { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }), weight: 1 },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
  );
}

function jsonValueFrom(s: JsonValueSettings): fc.Arbitrary<JsonValue> {
  const key = nastyString({ maxPieces: 3 });
  const { value } = fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { maxDepth: s.maxDepth, depthIdentifier: 'apigw-json' },
      { arbitrary: jsonScalar(), weight: 3 },
      {
        arbitrary: fc.array(tie('value'), { maxLength: s.maxKeys, depthIdentifier: 'apigw-json' }),
        weight: 1,
      },
      {
        arbitrary: fc.dictionary(key, tie('value'), {
          maxKeys: s.maxKeys,
          depthIdentifier: 'apigw-json',
          noNullPrototype: true,
        }),
        weight: 1,
      },
    ),
  }));
  const child = value;
  switch (s.topLevel) {
    case 'scalar':
      return jsonScalar();
    case 'array':
      return s.maxDepth === 0 ? fc.constant([]) : fc.array(child, { maxLength: s.maxKeys });
    case 'object':
      return s.maxDepth === 0
        ? fc.constant({})
        : fc.dictionary(key, child, { maxKeys: s.maxKeys, noNullPrototype: true });
    default:
      return value;
  }
}
