import { AsyncLocalStorage } from 'node:async_hooks';
import type { LambdaHandler } from '../../types.js';

const KEY = Symbol.for('apigw-testkit.function-environment');
type Store = Record<string, string>;

/**
 * The storage behind per-function environments. Installed once per process, the first time a function with an
 * environment is bound: `process.env` becomes a view that, inside an invocation, shows that function's variables
 * over the real environment (reads, writes, `in`, `Object.keys`), and outside any invocation is the real
 * environment unchanged. Concurrent invocations of different functions never see each other's variables,
 * because the view follows the async context (AsyncLocalStorage), not a global swap.
 */
function storage(): AsyncLocalStorage<Store> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<Store> | undefined>;
  const existing = holder[KEY];
  if (existing) return existing;
  const store = new AsyncLocalStorage<Store>();
  const real = process.env;
  const own = (p: string | symbol): Store | undefined => {
    const s = store.getStore();
    return s && typeof p === 'string' && Object.hasOwn(s, p) ? s : undefined;
  };
  process.env = new Proxy(real, {
    get: (target, p) => own(p)?.[p as string] ?? Reflect.get(target, p),
    set(target, p, value) {
      const s = store.getStore();
      if (s && typeof p === 'string') {
        s[p] = String(value);
        return true;
      }
      return Reflect.set(target, p, value);
    },
    has: (target, p) => own(p) !== undefined || Reflect.has(target, p),
    deleteProperty(target, p) {
      const s = own(p);
      if (s) {
        delete s[p as string];
        return true;
      }
      return Reflect.deleteProperty(target, p);
    },
    ownKeys(target) {
      const s = store.getStore();
      const keys = Reflect.ownKeys(target);
      return s ? [...new Set([...keys, ...Object.keys(s)])] : keys;
    },
    getOwnPropertyDescriptor(target, p) {
      const s = own(p);
      if (s) return { value: s[p as string], writable: true, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(target, p);
    },
  });
  holder[KEY] = store;
  return store;
}

/**
 * Wraps `handler` so each invocation runs with `environment` visible in `process.env` (the same object for every
 * invocation of the function, so a variable it sets persists like in a warm Lambda container).
 */
export function withEnvironment(handler: LambdaHandler, environment: Store): LambdaHandler {
  const store = storage();
  const wrapped = function (this: unknown, event: never, context: never, callback: never): unknown {
    return store.run(environment, () => handler.call(this, event, context, callback));
  };
  Object.defineProperty(wrapped, 'length', { value: handler.length });
  return wrapped as LambdaHandler;
}

/** Runs `load` (a module import) inside the function's environment, so top-level `process.env` reads see it. */
export function loadInEnvironment<T>(environment: Store, load: () => Promise<T>): Promise<T> {
  return storage().run(environment, load);
}
