import { InvalidInputError } from '../errors/families.js';
import type { ClientResponse } from '../response/types.js';
import { BufferedResponse } from './buffered-response.js';

/** Statuses a fetch `Response` must have no body for. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
// biome-ignore lint/suspicious/noControlCharactersInRegex: the Latin-1 range is the point
const LATIN1 = /^[\u0000-\u00ff]*$/;

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
  // Header pairs go straight into the Response (it validates and stores them in order); no Headers copy.
  const headers: [string, string][] = [];
  for (const [name, value] of client.headers) headers.push([name, wireText(value)]);
  if (extraHeaders) {
    const entries = Symbol.iterator in extraHeaders ? extraHeaders : Object.entries(extraHeaders);
    for (const [name, value] of entries) headers.push([name, wireText(value)]);
  }
  const init = { status: client.statusCode, headers };
  if (NULL_BODY_STATUSES.has(client.statusCode)) return new Response(null, init);
  if (client.bodyBytes) return new BufferedResponse(client.bodyBytes, init);
  return client.body === '' ? new Response(null, init) : new BufferedResponse(client.body, init);
}

// Header values are byte strings: characters above U+00FF are sent as their UTF-8 bytes.
function wireText(value: string): string {
  if (LATIN1.test(value)) return value;
  return Buffer.from(value, 'utf8').toString('latin1');
}
