import { DefinedBlock, HostObject, JavaDouble, JsonList, MapEntry, SilentMap } from './values.js';

/**
 * Java `Double.toString`: plain decimal with at least one fraction digit between 10^-3 and 10^7
 * (`1.0`, `1.5`), computerized scientific notation outside it (`1.0E10`, `1.0E-4`).
 *
 * @example
 * ```ts
 * javaDoubleToString(1); // '1.0'
 * javaDoubleToString(1e10); // '1.0E10'
 * ```
 */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Number.POSITIVE_INFINITY) return 'Infinity';
  if (d === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa = '', exponent = '0'] = d.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/**
 * How a value prints when a template interpolates it (`$x`): null and `$context` maps print nothing,
 * everything else prints as Java's `toString()` would.
 */
export function printValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined || value instanceof SilentMap || value instanceof HostObject)
    return '';
  return javaToString(value);
}

/** Java `String.valueOf(value)` for every value a template can hold. */
export function javaToString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || value === undefined) return 'null';
  if (value instanceof JavaDouble) return javaDoubleToString(value.value);
  if (value instanceof JsonList) return toJsonText(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ', ' : '') + javaToString(value[i]);
    return `${out}]`;
  }
  if (value instanceof Map) {
    let out = '{';
    let first = true;
    for (const [k, v] of value) {
      out += `${first ? '' : ', '}${javaToString(k)}=${javaToString(v)}`;
      first = false;
    }
    return `${out}}`;
  }
  if (value instanceof MapEntry) return `${javaToString(value.key)}=${javaToString(value.value)}`;
  if (value instanceof DefinedBlock) return value.render();
  if (value instanceof HostObject) return '';
  return '';
}

/** JSON text the way json-smart writes it (JSONArray.toString, `$input.json`): compact, maps as objects. */
export function toJsonText(value: unknown): string {
  if (typeof value === 'string') return jsonQuote(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || value === undefined) return 'null';
  if (value instanceof JavaDouble) {
    return Number.isFinite(value.value) ? javaDoubleToString(value.value) : 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + toJsonText(value[i]);
    return `${out}]`;
  }
  if (value instanceof Map) {
    let out = '{';
    let first = true;
    for (const [k, v] of value) {
      out += `${first ? '' : ','}${jsonQuote(javaToString(k))}:${toJsonText(v)}`;
      first = false;
    }
    return `${out}}`;
  }
  return jsonQuote(javaToString(value));
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

// json-smart escapes quotes, backslashes, control characters, U+007F–U+009F and U+2000–U+20FF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u2000-\u20ff]/g;

/** A JSON string literal with json-smart's escaping. */
export function jsonQuote(s: string): string {
  NEEDS_ESCAPE.lastIndex = 0;
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  return `"${s.replace(
    NEEDS_ESCAPE,
    (ch) => JSON_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  )}"`;
}
