import type { IdSource } from '../../ids/ids.js';
import type { GatewayRequest } from './gateway-request.js';

const ROOT = /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/i;

/**
 * The `X-Amzn-Trace-Id` of one request. A client header whose first field is a valid X-Ray `Root` is kept
 * as-is when it already names a `Parent`; a bare `Root` gets a generated `Parent` (and `Sampled=0`, tracing
 * being off). Otherwise a fresh `Root` is minted. Recorded on AWS (behaviour.md §3.1, LocalStack
 * test_apigateway_common.py `test_invocation_trace_id`).
 *
 * @example
 * ```ts
 * traceHeaderFor(request, ids, clock.now()); // 'Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=…;Sampled=0'
 * ```
 */
export function traceHeaderFor(request: GatewayRequest, ids: IdSource, epochMs: number): string {
  for (const [name, value] of request.headers) {
    if (name.length !== 15 || name.toLowerCase() !== 'x-amzn-trace-id') continue;
    const fields = value.split(';').map((field) => field.trim());
    if (!ROOT.test(fields[0] ?? '')) break;
    if (fields.some((field) => field.startsWith('Parent='))) return value.trim();
    return `${fields[0]};Parent=${ids.hex(16)};Sampled=0`;
  }
  return ids.traceId(epochMs);
}
