type Builtins = {
  'node:crypto': typeof import('node:crypto');
  'node:fs': typeof import('node:fs');
  'node:http': typeof import('node:http');
  'node:module': typeof import('node:module');
  'node:net': typeof import('node:net');
  'node:util': typeof import('node:util');
  'node:v8': typeof import('node:v8');
};

/**
 * A Node.js builtin module, loaded on first use instead of at import (`process.getBuiltinModule`, Node ≥ 20.16).
 * `node:crypto`, `node:http`, `node:net` and `node:v8` each pull in Node's stream stack (~5–10 ms), which every test file
 * importing the package would otherwise pay for features it may never use (IAM signatures, WebSocket upgrades,
 * IP conditions in resource policies).
 *
 * @example
 * ```ts
 * const digest = builtin('node:crypto').createHash('sha256').update('x').digest('hex');
 * ```
 */
export function builtin<K extends keyof Builtins>(name: K): Builtins[K] {
  return process.getBuiltinModule(name) as Builtins[K];
}
