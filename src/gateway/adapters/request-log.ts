import type { NodeRequestRecord } from './node-listener.js';

/** Cache and throttling outcome of one request, as read from the gateway trace. */
export interface RequestOutcome {
  /** `hit`, `miss`, or `-` when caching did not apply. */
  cache: 'hit' | 'miss' | '-';
  /** `ok` admitted, `throttled` (429 Too Many Requests), `quota` (429 Limit Exceeded), `-` not evaluated. */
  throttle: 'ok' | 'throttled' | 'quota' | '-';
}

/**
 * Reads the cache and throttling outcome from a gateway trace. Unknown shapes give `-`.
 *
 * @example
 * ```ts
 * readOutcome(trace); // { cache: 'hit', throttle: 'ok' }
 * ```
 */
export function readOutcome(trace: unknown): RequestOutcome {
  const t = (typeof trace === 'object' && trace !== null ? trace : {}) as Record<string, unknown>;
  return { cache: readCache(t.cache), throttle: readThrottle(t.throttle) };
}

function readCache(cache: unknown): RequestOutcome['cache'] {
  const c =
    typeof cache === 'object' && cache !== null ? (cache as Record<string, unknown>) : { status: cache };
  const status = c.status ?? c.result ?? c.outcome;
  if (status === 'hit' || c.hit === true) return 'hit';
  if (status === 'miss' || c.hit === false) return 'miss';
  return '-';
}

function readThrottle(throttle: unknown): RequestOutcome['throttle'] {
  if (typeof throttle !== 'object' || throttle === null) return '-';
  const t = throttle as Record<string, unknown>;
  if (t.allowed === true) return 'ok';
  if (t.allowed === false) return t.limitedBy === 'quota' ? 'quota' : 'throttled';
  return '-';
}

/**
 * One log line for a served request: method, path, status, latency, cache and throttle outcome.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { formatRequestLine, toNodeListener } from 'apigw-testkit/gateway';
 * createServer(toNodeListener(gateway, { onRequest: (r) => console.log(formatRequestLine(r)) }));
 * // GET /dev/pets 200 3ms cache=hit throttle=ok
 * ```
 */
export function formatRequestLine(record: NodeRequestRecord): string {
  const { cache, throttle } = readOutcome(record.trace);
  const status = record.status === 0 ? '---' : String(record.status);
  let line = `${record.method} ${record.path} ${status} ${record.latencyMs}ms cache=${cache} throttle=${throttle}`;
  if (record.aborted) line += ' (client disconnected)';
  if (record.error !== undefined && !record.aborted) {
    line += ` (error: ${record.error instanceof Error ? record.error.message : String(record.error)})`;
  }
  return line;
}
