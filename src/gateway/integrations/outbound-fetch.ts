import type { TimerHandle } from '../../clock/clock.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import type { Payload } from './mapping/content-handling.js';

/** A request the gateway sends to a backend. */
export interface OutboundRequest {
  url: string;
  method: string;
  headers: readonly (readonly [string, string])[];
  body: Payload | null;
}

/** How an outbound call ended. */
export type OutboundResult =
  | { kind: 'response'; statusCode: number; headers: Map<string, string[]>; body: Uint8Array }
  | { kind: 'timeout' }
  | { kind: 'invalid-url'; message: string }
  | { kind: 'connection'; message: string }
  | { kind: 'network'; message: string };

const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Sends a backend request through `deps.fetch` (so msw and test doubles see it) and reads the whole answer,
 * racing the integration timeout on the gateway's clock (the timer is cleared as soon as the call settles; an
 * abandoned call is aborted). Failures are classified the way API Gateway answers them: an unusable URL and a
 * refused/unresolvable connection are configuration errors (500), other network failures integration failures,
 * the timeout 504 (behaviour.md §5, §5.1).
 *
 * @example
 * ```ts
 * const result = await sendOutbound(deps, { url, method: 'GET', headers: [], body: null }, 29_000);
 * ```
 */
export async function sendOutbound(
  deps: PipelineDeps,
  request: OutboundRequest,
  timeoutMs: number,
): Promise<OutboundResult> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { kind: 'invalid-url', message: `Invalid endpoint address: ${request.url}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { kind: 'invalid-url', message: `Invalid endpoint address: ${request.url}` };
  }
  const clock = deps.config.clock;
  const abort = new AbortController();
  let timer: TimerHandle | undefined;
  const timedOut = new Promise<OutboundResult>((resolve) => {
    timer = clock.setTimeout(() => {
      abort.abort();
      resolve({ kind: 'timeout' });
    }, timeoutMs);
  });
  const init: RequestInit = {
    method: request.method,
    headers: request.headers.map(([k, v]) => [k, v] as [string, string]),
    signal: abort.signal,
    redirect: 'manual',
  };
  if (request.body !== null && !NO_BODY.has(request.method.toUpperCase())) {
    init.body = typeof request.body === 'string' ? request.body : (request.body as Uint8Array<ArrayBuffer>);
  }
  const call = (async (): Promise<OutboundResult> => {
    try {
      const response = await deps.fetch(url.href, init);
      const headers = new Map<string, string[]>();
      response.headers.forEach((value, name) => {
        const list = headers.get(name);
        if (list) list.push(value);
        else headers.set(name, [value]);
      });
      const body = new Uint8Array(await response.arrayBuffer());
      return { kind: 'response', statusCode: response.status, headers, body };
    } catch (error) {
      if (abort.signal.aborted) return { kind: 'timeout' };
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const message = cause?.message ?? (error as Error).message ?? String(error);
      return CONNECTION_CODES.has(cause?.code ?? '')
        ? { kind: 'connection', message }
        : { kind: 'network', message };
    }
  })();
  try {
    return await Promise.race([call, timedOut]);
  } finally {
    if (timer !== undefined) clock.clearTimeout(timer);
  }
}

/** Replaces `{name}` with `values[name]` and `${stageVariables.x}` with the stage variable (empty when unset). */
export function renderUri(
  uri: string,
  values: Readonly<Record<string, string>>,
  stageVariables: Readonly<Record<string, string>> | null,
): string {
  return uri
    .replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_m, name: string) => stageVariables?.[name] ?? '')
    .replace(/\{([A-Za-z0-9._$-]+)\+?\}/g, (whole, name: string) => values[name] ?? whole);
}
