// The Java value model templates observe. Velocity on AWS sees Java objects; we model each with one JS shape:
//   null → null · String → string · Integer/Long/BigInteger → integral number, or bigint beyond 2^53 (exact,
//   as Velocity's MathUtils promotes int → long → BigInteger) · Double → JavaDouble
//   Boolean → boolean · LinkedHashMap → Map · ArrayList → Array · json-smart JSONArray → JsonList
// Nothing else ever reaches a template, which is what keeps the sandbox closed.

/** A Java `double` (prints `1.0`, `1.5E10`), kept apart from integers, which JS cannot tell apart by value. */
export class JavaDouble {
  constructor(readonly value: number) {}
}

/** A JSON array parsed from a body (json-smart `JSONArray`): prints as compact JSON, maps inside as JSON. */
export class JsonList extends Array<unknown> {}

/** A `$context` map (identity, requestOverride, …): AWS interpolates these as empty text. */
export class SilentMap extends Map<unknown, unknown> {}

/** A `Map.Entry` from `entrySet()`. */
export class MapEntry {
  constructor(
    readonly key: unknown,
    public value: unknown,
  ) {}
}

/** A block from `#define($name)…#end`; rendering the reference renders the block. */
export class DefinedBlock {
  constructor(readonly render: () => string) {}
}

/** Methods and properties of a host object such as `$input` or `$util`; `S` is its per-render state. */
export interface HostSpec<S> {
  /** Velocity-visible name, used in messages. */
  readonly name: string;
  /** `$obj.prop` (Velocity also resolves `getProp()` to the same). */
  readonly properties: ReadonlyMap<string, (state: S) => unknown>;
  /** `$obj.method(args)`; return {@link NO_METHOD} when no overload takes these arguments. */
  readonly methods: ReadonlyMap<string, (state: S, args: readonly unknown[]) => unknown>;
}

/** An object with an explicit member table; templates reach nothing but the table. */
export class HostObject<S = unknown> {
  constructor(
    readonly spec: HostSpec<S>,
    readonly state: S,
  ) {}
}

/** Returned by a method table entry when the arguments match no Java overload (Velocity then yields null). */
export const NO_METHOD: unique symbol = Symbol('no-method');

/** True for the Java integral numbers we model as JS numbers. */
export function isInteger(value: unknown): value is number {
  return typeof value === 'number';
}

/** A Java integral value of any size: a safe-integer number, or a bigint beyond ±2^53. */
export type JavaIntegral = number | bigint;

/** True for Java integral values of any size (Integer, Long, BigInteger). */
export function isIntegral(value: unknown): value is JavaIntegral {
  return typeof value === 'number' || typeof value === 'bigint';
}

/** True for any Java number (integral or double). */
export function isNumber(value: unknown): value is JavaIntegral | JavaDouble {
  return typeof value === 'number' || typeof value === 'bigint' || value instanceof JavaDouble;
}

/** The numeric value of a Java number (a bigint is rounded to the nearest double). */
export function numberValue(value: JavaIntegral | JavaDouble): number {
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : value.value;
}

/** An exact integer in the model's canonical form: a number when it is a safe integer, a bigint otherwise. */
export function javaIntegral(value: bigint): JavaIntegral {
  return value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : value;
}

/** An integer literal or JSON integer text, kept exact (Velocity/json-smart use Integer, Long or BigInteger). */
export function parseIntegral(digits: string): JavaIntegral {
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n + 0 : javaIntegral(BigInt(digits));
}

/** A Java number from a JS number: integral values stay integers unless `asDouble`. */
export function javaNumber(value: number, asDouble: boolean): number | JavaDouble {
  return asDouble || !Number.isInteger(value) ? new JavaDouble(value) : value;
}
