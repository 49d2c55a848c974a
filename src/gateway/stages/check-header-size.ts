import type { ResolvedGateway } from '../config/resolve-options.js';
import { gatewayResponse } from '../gateway-responses.js';
import { type PipelineContext, record, type StageResult } from '../pipeline/context.js';

/** API Gateway's request header quota (behaviour.md §14): 10 240 bytes, REST and HTTP APIs. */
export const MAX_REQUEST_HEADER_BYTES = 10_240;

/**
 * The front door's header limit (behaviour.md §14). REST counts the total of all header values; HTTP APIs
 * count the request line (`GET /path?query HTTP/1.1`) plus the header values. A request whose headers carry no
 * `Host` is counted with the host of its URL, as every HTTP/1.1 client sends one. Over the limit the request
 * is refused before anything else looks at it: 431 (the status is UNCONFIRMED; the REST text `HTTP header is
 * larger than 10240 bytes.` is a third-party capture). Header values are byte strings, so length is bytes.
 */
export function checkHeaderSize(ctx: PipelineContext, config: ResolvedGateway): StageResult {
  const request = ctx.request;
  let bytes = 0;
  let host = false;
  for (const [name, value] of request.headers) {
    bytes += value.length;
    if (name.length === 4 && name.toLowerCase() === 'host') host = true;
  }
  if (!host) bytes += request.host.length;
  if (config.apiType === 'HTTP') {
    const target = request.query === '' ? request.pathname : `${request.pathname}?${request.query}`;
    bytes += request.method.length + target.length + 10; // two spaces and "HTTP/1.1"
  }
  if (bytes <= MAX_REQUEST_HEADER_BYTES) return ctx;
  record(ctx, {
    stage: 'request',
    decision: 'headers-too-large',
    detail: `the request headers take ${bytes} bytes (${config.apiType === 'REST' ? 'header values' : 'request line and header values'}), over API Gateway's ${MAX_REQUEST_HEADER_BYTES}-byte limit`,
    data: { bytes, limit: MAX_REQUEST_HEADER_BYTES },
  });
  return gatewayResponse(config.apiType, 'REQUEST_HEADERS_TOO_LARGE', ctx);
}
