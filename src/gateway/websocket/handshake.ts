import { assertKnownOptions } from '../../errors/families.js';
import { DEFAULT_SOURCE_IP } from '../../events/derive/constants.js';
import { type HeaderInput, toHeaderList } from '../../events/derive/headers.js';
import type { Handshake } from './connection.js';

/**
 * Options of `gateway.connect()`: what the client's upgrade request carries.
 *
 * @example
 * ```ts
 * const options: WebSocketConnectOptions = {
 *   headers: { Authorization: 'Bearer abc' },
 *   query: { room: 'lobby' },
 *   subprotocols: ['chat.v1'],
 * };
 * ```
 */
export interface WebSocketConnectOptions {
  /** Handshake headers; a `Host` header becomes `requestContext.domainName`. */
  headers?: HeaderInput;
  /** Query string (raw, without `?`) or parameters (repeated names as arrays). */
  query?: string | Readonly<Record<string, string | readonly string[]>>;
  /** Requested subprotocols, sent as `Sec-WebSocket-Protocol`. */
  subprotocols?: string | readonly string[];
  /** Client IP. Default: the first `X-Forwarded-For` entry, else 203.0.113.9. */
  sourceIp?: string;
  /** Sent as `User-Agent` when the headers have none. */
  userAgent?: string;
  /** The request path; default the stage (`/dev`). Any other path is refused with 403 as on AWS. */
  path?: string;
}

const KNOWN = ['headers', 'query', 'subprotocols', 'sourceIp', 'userAgent', 'path'] as const;

/** Turns connect options into what API Gateway sees of the handshake. */
export function toHandshake(
  options: WebSocketConnectOptions,
  defaultDomain: string,
  stagePath: string,
): Handshake {
  assertKnownOptions('gateway.connect', options, KNOWN);
  const headers = toHeaderList('gateway.connect', options.headers);
  const has = (lower: string): string | undefined =>
    headers.find(([name]) => name.toLowerCase() === lower)?.[1];
  const { subprotocols } = options;
  if (subprotocols !== undefined && has('sec-websocket-protocol') === undefined) {
    const list = typeof subprotocols === 'string' ? [subprotocols] : [...subprotocols];
    if (list.length > 0) headers.push(['Sec-WebSocket-Protocol', list.join(', ')]);
  }
  if (options.userAgent !== undefined && has('user-agent') === undefined) {
    headers.push(['User-Agent', options.userAgent]);
  }
  const forwarded = has('x-forwarded-for');
  const query = options.query;
  return {
    headers,
    query:
      query === undefined
        ? ''
        : typeof query === 'string'
          ? query.replace(/^\?/, '')
          : new URLSearchParams(
              Object.entries(query).flatMap(([k, v]) =>
                (typeof v === 'string' ? [v] : [...v]).map((x) => [k, x] as [string, string]),
              ),
            ).toString(),
    sourceIp: options.sourceIp ?? (forwarded?.split(',')[0]?.trim() || DEFAULT_SOURCE_IP),
    userAgent: has('user-agent') ?? null,
    domainName: has('host') ?? defaultDomain,
    path: options.path?.split('?')[0] ?? stagePath,
  };
}
