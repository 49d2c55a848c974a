let warm = false;

/**
 * Tells the code-cache loader (dist/code-cache-loader.cjs, docs/decisions/0008-code-cache-loader.md) that the code
 * a request runs is now compiled, so the cache it writes spares the next process that work too. Called at every
 * gateway request; after the first it is one flag check.
 *
 * @example
 * ```ts
 * markCodeWarm(); // in the gateway's request path
 * ```
 */
export function markCodeWarm(): void {
  if (warm) return;
  warm = true;
  const hook = (globalThis as Record<symbol, unknown>)[Symbol.for('apigw-testkit.warm')];
  if (typeof hook === 'function') hook();
}
