import { InvalidInputError } from '../errors/families.js';
import type { ClientResponse } from '../response/types.js';
import { adoptBufferedResponse, BufferedResponse } from './buffered-response.js';
import { headerValueKind, isContentType, isTokenName, PLAIN, WIDE } from './header-line.js';

/** Statuses a fetch `Response` must have no body for. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Headers to append after the client response's own, e.g. the gateway's `x-amzn-RequestId`. */
export type ExtraHeaders = Iterable<readonly [string, string]> | Record<string, string>;

/**
 * Turns the client's view of a proxy result (`report.response` of `validateProxyResult`) into a fetch
 * `Response`: same status, one header line per entry in order, then `extraHeaders`; the decoded bytes when API
 * Gateway base64-decoded the body, the text otherwise. Header values outside Latin-1 travel as their UTF-8 bytes
 * (what the wire carries). 204/205/304 responses get no body. The result is a {@link BufferedResponse} (a real
 * `Response` subclass that keeps the body in memory) when there is a body.
 *
 * @example
 * ```ts
 * import { validateProxyResult } from 'apigw-testkit/response';
 * import { toFetchResponse } from 'apigw-testkit';
 * const res = toFetchResponse(validateProxyResult({ statusCode: 201, body: 'hi' }).response);
 * await res.text(); // 'hi'
 * ```
 */
export function toFetchResponse(client: ClientResponse, extraHeaders?: ExtraHeaders): Response {
  if (!Number.isInteger(client.statusCode) || client.statusCode < 200 || client.statusCode > 599) {
    throw new InvalidInputError(
      'FETCH_STATUS_UNREPRESENTABLE',
      `toFetchResponse: status ${client.statusCode} cannot be a fetch Response`,
      'Use a status between 200 and 599 (validateProxyResult never produces another).',
      { statusCode: client.statusCode },
    );
  }
  // Header pairs go straight into the Response (it validates and stores them in order); no Headers copy. Lines
  // undici would store unchanged are handed over without a second copy and check.
  const headers: [string, string][] = [];
  let plain = true;
  let typed = false;
  for (const [name, value] of client.headers) plain = addLine(headers, name, value, plain);
  if (extraHeaders) {
    const entries = Symbol.iterator in extraHeaders ? extraHeaders : Object.entries(extraHeaders);
    for (const [name, value] of entries) plain = addLine(headers, name, value, plain);
  }
  const status = client.statusCode;
  if (NULL_BODY_STATUSES.has(status)) return new Response(null, { status, headers });
  const body = client.bodyBytes ?? client.body;
  if (body === '') return new Response(null, { status, headers });
  if (!plain) return new BufferedResponse(body, { status, headers });
  for (const [name] of headers) {
    if (isContentType(name)) {
      typed = true;
      break;
    }
  }
  return adoptBufferedResponse(body, status, headers, typed);
}

/** Appends one line (its value as wire text); returns whether every line so far is plain. */
function addLine(headers: [string, string][], name: string, value: string, plain: boolean): boolean {
  const kind = headerValueKind(value);
  const text = kind === WIDE ? Buffer.from(value, 'utf8').toString('latin1') : value;
  headers.push([name, text]);
  return plain && isTokenName(name) && (kind === PLAIN || (kind === WIDE && headerValueKind(text) === PLAIN));
}
