/** The fetch globals our stand-in classes link to. */
export type FetchGlobal = 'Response' | 'Headers';

type Linkable = abstract new (...args: never[]) => unknown;

const WAITING = 1;
const LINKED = 2;
/** Per global: 0 untouched, WAITING for the first read, LINKED (a field check on the response hot path). */
const state: Record<FetchGlobal, number> = { Response: 0, Headers: 0 };

/**
 * Makes `impl` a subclass of the fetch global `name` (prototype chain and constructor parent) once that global
 * exists, so `instanceof Response` / `instanceof Headers` hold for our stand-ins. In Node these globals are lazy
 * getters: the first read loads Node's fetch implementation (undici, ~35–45 ms in a fresh process, measured on
 * Node 20), which a test that only reads a status, a header and the text never needs. So while the global is
 * still Node's unread getter, the link waits for that first read: a getter of ours takes its place, calls Node's
 * (which puts the plain value back, as it always does) and links. Every `instanceof`, every `new Headers(…)`
 * reads the global first, so the chain is in place before anything can look at it. A value assigned over the
 * global before that read (a polyfill) is linked instead. Each global is linked once, to one class.
 *
 * @example
 * ```ts
 * linkToGlobal('Headers', BufferedHeaders); // undici stays unloaded
 * new BufferedHeaders([]) instanceof Headers; // true: reading `Headers` linked it
 * ```
 */
export function linkToGlobal(name: FetchGlobal, impl: Linkable): void {
  if (state[name] !== 0) return;
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
  const read = descriptor?.get;
  if (descriptor?.configurable !== true || read === undefined) {
    link(name, impl, (globalThis as Record<string, unknown>)[name]);
    return;
  }
  state[name] = WAITING;
  const enumerable = descriptor.enumerable === true;
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable,
    get(this: unknown) {
      const value: unknown = read.call(this);
      link(name, impl, value);
      return value;
    },
    set(value: unknown) {
      Object.defineProperty(globalThis, name, { configurable: true, enumerable, writable: true, value });
      link(name, impl, value);
    },
  });
}

function link(name: FetchGlobal, impl: Linkable, parent: unknown): void {
  if (state[name] === LINKED || typeof parent !== 'function') return;
  Object.setPrototypeOf(impl.prototype, parent.prototype as object);
  Object.setPrototypeOf(impl, parent);
  state[name] = LINKED;
}
