import { decodeUtf8 } from '../../http/utf8.js';
import type { PipelineContext } from '../pipeline/context.js';

/** Longest execution-log event API Gateway writes; longer ones are cut (behaviour.md §12.2). */
export const EXECUTION_LOG_EVENT_BYTES = 1024;

/**
 * An execution-log event as CloudWatch stores it: cut to 1 024 bytes with ` [TRUNCATED]` appended, as API Gateway
 * does for long bodies and header maps.
 *
 * @example
 * ```ts
 * truncateLogLine('x'.repeat(2000)).endsWith('[TRUNCATED]'); // true
 * ```
 */
export function truncateLogLine(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.byteLength <= EXECUTION_LOG_EVENT_BYTES) return line;
  return `${decodeUtf8(bytes.subarray(0, EXECUTION_LOG_EVENT_BYTES)).replace(/\uFFFD$/, '')} [TRUNCATED]`;
}

/** A map as API Gateway's execution log prints it: `{a=1, b=2}`. */
export function formatLogMap(pairs: Iterable<readonly [string, string]>): string {
  const parts: string[] = [];
  for (const [k, v] of pairs) parts.push(`${k}=${v}`);
  return `{${parts.join(', ')}}`;
}

/** The opening lines of a request's execution log, in AWS's wording: ids, method, the method request. */
export function methodRequestLines(ctx: PipelineContext): string[] {
  const query: [string, string][] = [];
  if (ctx.request.query !== '') for (const pair of new URLSearchParams(ctx.request.query)) query.push(pair);
  const body = ctx.request.body;
  return [
    `Starting execution for request: ${ctx.requestId}`,
    `HTTP Method: ${ctx.method}, Resource Path: ${ctx.eventPath}`,
    `Method request path: ${formatLogMap(Object.entries(ctx.pathParameters ?? {}))}`,
    `Method request query string: ${formatLogMap(query)}`,
    `Method request headers: ${formatLogMap(ctx.request.headers)}`,
    `Method request body before transformations: ${body === null ? '' : typeof body === 'string' ? body : '[Binary Data]'}`,
  ];
}

/** The lines describing an endpoint request (the integration request after transformations). */
export function endpointRequestLines(
  uri: string,
  headers: Iterable<readonly [string, string]>,
  body: string | Uint8Array,
): string[] {
  return [
    `Endpoint request URI: ${uri}`,
    `Endpoint request headers: ${formatLogMap(headers)}`,
    `Endpoint request body after transformations: ${typeof body === 'string' ? body : '[Binary Data]'}`,
    `Sending request to ${uri}`,
  ];
}

/** The lines describing an endpoint response, before the method response is built. */
export function endpointResponseLines(
  status: number,
  latencyMs: number,
  headers: Iterable<readonly [string, readonly string[]]>,
  body: string | Uint8Array | null,
): string[] {
  const flat: [string, string][] = [];
  for (const [name, values] of headers) flat.push([name, values.join(',')]);
  return [
    `Received response. Status: ${status}, Integration latency: ${latencyMs} ms`,
    `Endpoint response headers: ${formatLogMap(flat)}`,
    `Endpoint response body before transformations: ${body === null ? '' : typeof body === 'string' ? body : decodeUtf8(body)}`,
  ];
}
