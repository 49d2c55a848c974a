import { InvalidInputError } from '../errors/families.js';
import type { ClientResponse } from '../response/types.js';
import { adoptBufferedResponse, BufferedResponse } from './buffered-response.js';
import { headerValueKind, isContentType, isTokenName, PLAIN, WIDE } from './header-line.js';

/** Headers to append after the client response's own, e.g. the gateway's `x-amzn-RequestId`. */
export type ExtraHeaders = Iterable<readonly [string, string]> | Record<string, string>;

/**
 * Turns the client's view of a proxy result (`report.response` of `validateProxyResult`) into a fetch
 * `Response`: same status, one header line per entry in order, then `extraHeaders`; the decoded bytes when API
 * Gateway base64-decoded the body, the text otherwise. Header values outside Latin-1 travel as their UTF-8 bytes
 * (what the wire carries). 204/205/304 responses and an empty body get no body (`body` is null). The result is a
 * {@link BufferedResponse} (a `Response` that keeps the body in memory).
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
  return fetchResponseOf(client, extraHeaders, 0);
}

/**
 * {@link toFetchResponse} for the gateway, whose first `trusted` extra lines are its own id lines (`x-amzn-RequestId`,
 * `x-amz-apigw-id`, `apigw-requestid`: token names, values of id characters, none a content type): they are taken
 * without the name and value checks, two regular-expression tests and two name scans per response. Internal: not
 * exported from the package.
 *
 * @example
 * ```ts
 * gatewayFetchResponse(client, [['x-amzn-RequestId', requestId], ['x-amz-apigw-id', extendedId]], 2);
 * ```
 */
export function gatewayFetchResponse(
  client: ClientResponse,
  extraHeaders: readonly (readonly [string, string])[],
  trusted: number,
): Response {
  return fetchResponseOf(client, extraHeaders, trusted);
}

function fetchResponseOf(
  client: ClientResponse,
  extraHeaders: ExtraHeaders | undefined,
  trusted: number,
): Response {
  if (!Number.isInteger(client.statusCode) || client.statusCode < 200 || client.statusCode > 599) {
    throw new InvalidInputError(
      'FETCH_STATUS_UNREPRESENTABLE',
      `toFetchResponse: status ${client.statusCode} cannot be a fetch Response`,
      'Use a status between 200 and 599 (validateProxyResult never produces another).',
      { statusCode: client.statusCode },
    );
  }
  // Header pairs go straight into the Response (it validates and stores them in order); no Headers copy. Lines
  // undici would store unchanged are handed over without a second copy and check. The list is made at its final
  // length when the extra lines are an array (the gateway's are): pushing a proxy answer's seven lines onto `[]`
  // grew it to 17 slots (~0.07 KB more per response).
  const lines = client.headers;
  const extraList = Array.isArray(extraHeaders)
    ? (extraHeaders as readonly (readonly [string, string])[])
    : undefined;
  const headers: [string, string][] = new Array(
    lines.length + (extraList === undefined ? 0 : extraList.length),
  );
  let flags = ALL_PLAIN;
  let at = 0;
  for (let i = 0; i < lines.length; i++) flags = addLine(headers, at++, lines[i]!, flags);
  if (extraList !== undefined) {
    for (let i = 0; i < extraList.length; i++) {
      const line = extraList[i]!;
      if (i < trusted) headers[at++] = line as [string, string];
      else flags = addLine(headers, at++, line, flags);
    }
  } else if (extraHeaders) {
    const entries = Symbol.iterator in extraHeaders ? extraHeaders : Object.entries(extraHeaders);
    for (const line of entries) flags = addLine(headers, at++, line, flags);
  }
  const status = client.statusCode;
  const given = client.bodyBytes ?? client.body;
  // No body at all for 204/205/304 and an empty body, as undici's `new Response(null, …)`.
  const body = status === 204 || status === 205 || status === 304 || given === '' ? null : given;
  if ((flags & ALL_PLAIN) === 0) return new BufferedResponse(body, { status, headers });
  return adoptBufferedResponse(body, status, headers, (flags & TYPED) !== 0);
}

/** `addLine` flags: every line so far is plain (undici keeps it as it is); a line is `content-type`. */
const ALL_PLAIN = 1;
const TYPED = 2;

/**
 * Stores one line at `at`, its value as wire text: the caller's pair itself when the text needs no change (the lines are
 * only read from then on). Returns the flags updated for it.
 */
function addLine(
  headers: [string, string][],
  at: number,
  line: readonly [string, string],
  flags: number,
): number {
  const name = line[0];
  const value = line[1];
  // API Gateway's default content type, on every proxy answer that names none (and the type most handlers name):
  // a known plain line, taken without the checks (a regular-expression test, a name scan and a lowercased copy).
  if (name === 'Content-Type' && value === 'application/json' && line.length === 2) {
    headers[at] = line as [string, string];
    return flags | TYPED;
  }
  const kind = headerValueKind(value);
  let plain: boolean;
  if (kind === WIDE) {
    const text = Buffer.from(value, 'utf8').toString('latin1');
    headers[at] = [name, text];
    plain = headerValueKind(text) === PLAIN;
  } else {
    headers[at] = line.length === 2 ? (line as [string, string]) : [name, value];
    plain = kind === PLAIN;
  }
  if (!plain || !isTokenName(name)) flags &= ~ALL_PLAIN;
  if (isContentType(name)) flags |= TYPED;
  return flags;
}
