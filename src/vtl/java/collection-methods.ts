import { TemplateRuntimeError } from '../errors.js';
import { javaEquals } from './operators.js';
import { isInteger, MapEntry, NO_METHOD } from './values.js';

type Method<T> = (self: T, args: readonly unknown[]) => unknown;
type JMap = Map<unknown, unknown>;

const orNull = (v: unknown): unknown => (v === undefined ? null : v);

function indexError(method: string, index: number, size: number): TemplateRuntimeError {
  return new TemplateRuntimeError(
    'VTL_METHOD_FAILED',
    `List.${method} failed: index ${index} out of bounds for length ${size}`,
    'Check $list.size() first, or use $list[i], which yields nothing when out of range.',
  );
}

/** Java `Map.get` semantics on our maps (keys compare by Java equality for numbers). */
function mapKey(map: JMap, key: unknown): unknown {
  if (map.has(key)) return key;
  if (key !== null && typeof key === 'object') {
    for (const k of map.keys()) if (javaEquals(k, key)) return k;
  }
  return key;
}

/** java.util.Map (LinkedHashMap) methods a template can call. */
export const MAP_METHODS: ReadonlyMap<string, Method<JMap>> = new Map<string, Method<JMap>>([
  ['size', (m, a) => (a.length === 0 ? m.size : NO_METHOD)],
  ['isEmpty', (m, a) => (a.length === 0 ? m.size === 0 : NO_METHOD)],
  ['get', (m, a) => (a.length === 1 ? orNull(m.get(mapKey(m, a[0]))) : NO_METHOD)],
  [
    'getOrDefault',
    (m, a) => (a.length === 2 ? (m.has(mapKey(m, a[0])) ? m.get(mapKey(m, a[0])) : a[1]) : NO_METHOD),
  ],
  ['containsKey', (m, a) => (a.length === 1 ? m.has(mapKey(m, a[0])) : NO_METHOD)],
  [
    'containsValue',
    (m, a) => {
      if (a.length !== 1) return NO_METHOD;
      for (const v of m.values()) if (javaEquals(v, a[0]) || v === a[0]) return true;
      return false;
    },
  ],
  [
    'put',
    (m, a) => {
      if (a.length !== 2) return NO_METHOD;
      const key = mapKey(m, a[0]);
      const previous = orNull(m.get(key));
      m.set(key, a[1]);
      return previous;
    },
  ],
  [
    'putIfAbsent',
    (m, a) => {
      if (a.length !== 2) return NO_METHOD;
      const key = mapKey(m, a[0]);
      const previous = orNull(m.get(key));
      if (previous === null) m.set(key, a[1]);
      return previous;
    },
  ],
  [
    'remove',
    (m, a) => {
      if (a.length !== 1) return NO_METHOD;
      const key = mapKey(m, a[0]);
      const previous = orNull(m.get(key));
      m.delete(key);
      return previous;
    },
  ],
  [
    'putAll',
    (m, [other]) => {
      if (!(other instanceof Map)) return NO_METHOD;
      for (const [k, v] of other) m.set(k, v);
      return null;
    },
  ],
  [
    'clear',
    (m, a) => {
      if (a.length) return NO_METHOD;
      m.clear();
      return null;
    },
  ],
  ['keySet', (m, a) => (a.length === 0 ? [...m.keys()] : NO_METHOD)],
  ['values', (m, a) => (a.length === 0 ? [...m.values()] : NO_METHOD)],
  ['entrySet', (m, a) => (a.length === 0 ? [...m].map(([k, v]) => new MapEntry(k, v)) : NO_METHOD)],
]);

function listIndexOf(list: readonly unknown[], x: unknown, last: boolean): number {
  if (last) {
    for (let i = list.length - 1; i >= 0; i--) if (list[i] === x || javaEquals(list[i], x)) return i;
    return -1;
  }
  for (let i = 0; i < list.length; i++) if (list[i] === x || javaEquals(list[i], x)) return i;
  return -1;
}

/** java.util.List (ArrayList / JSONArray) methods a template can call. */
export const LIST_METHODS: ReadonlyMap<string, Method<unknown[]>> = new Map<string, Method<unknown[]>>([
  ['size', (l, a) => (a.length === 0 ? l.length : NO_METHOD)],
  ['isEmpty', (l, a) => (a.length === 0 ? l.length === 0 : NO_METHOD)],
  [
    'get',
    (l, [i]) => {
      if (!isInteger(i)) return NO_METHOD;
      if (i < 0 || i >= l.length) throw indexError('get', i, l.length);
      return orNull(l[i]);
    },
  ],
  ['contains', (l, a) => (a.length === 1 ? listIndexOf(l, a[0], false) !== -1 : NO_METHOD)],
  ['indexOf', (l, a) => (a.length === 1 ? listIndexOf(l, a[0], false) : NO_METHOD)],
  ['lastIndexOf', (l, a) => (a.length === 1 ? listIndexOf(l, a[0], true) : NO_METHOD)],
  [
    'add',
    (l, a) => {
      if (a.length === 1) {
        l.push(a[0]);
        return true;
      }
      const [i, x] = a;
      if (a.length !== 2 || !isInteger(i)) return NO_METHOD;
      if (i < 0 || i > l.length) throw indexError('add', i, l.length);
      l.splice(i, 0, x);
      return null;
    },
  ],
  [
    'addAll',
    (l, [other]) => {
      if (!Array.isArray(other)) return NO_METHOD;
      l.push(...other);
      return other.length > 0;
    },
  ],
  [
    'set',
    (l, [i, x]) => {
      if (!isInteger(i)) return NO_METHOD;
      if (i < 0 || i >= l.length) throw indexError('set', i, l.length);
      const previous = orNull(l[i]);
      l[i] = x;
      return previous;
    },
  ],
  [
    'remove',
    (l, a) => {
      if (a.length !== 1) return NO_METHOD;
      const [x] = a;
      if (isInteger(x)) {
        if (x < 0 || x >= l.length) throw indexError('remove', x, l.length);
        return orNull(l.splice(x, 1)[0]);
      }
      const at = listIndexOf(l, x, false);
      if (at !== -1) l.splice(at, 1);
      return at !== -1;
    },
  ],
  [
    'clear',
    (l, a) => {
      if (a.length) return NO_METHOD;
      l.length = 0;
      return null;
    },
  ],
  [
    'subList',
    (l, [from, to]) => {
      if (!isInteger(from) || !isInteger(to)) return NO_METHOD;
      if (from < 0 || to > l.length || from > to) throw indexError('subList', from < 0 ? from : to, l.length);
      return Array.from(l).slice(from, to);
    },
  ],
]);

/** `Map.Entry` methods. */
export const ENTRY_METHODS: ReadonlyMap<string, Method<MapEntry>> = new Map<string, Method<MapEntry>>([
  ['getKey', (e, a) => (a.length === 0 ? e.key : NO_METHOD)],
  ['getValue', (e, a) => (a.length === 0 ? e.value : NO_METHOD)],
]);
