import { type HeaderList, nameShape, shapesOf } from './headers.js';
import { traceHeader } from './id-block.js';
import type { ResolvedRequest } from './request.js';

/**
 * Appends the headers API Gateway adds unless the request already has them: Host, X-Amzn-Trace-Id,
 * X-Forwarded-For, X-Forwarded-Port, X-Forwarded-Proto (behaviour.md §1.1, §1.2).
 */
export function addGatewayHeaders(request: ResolvedRequest, lowercase: boolean): void {
  const h = request.headers;
  const has = request.gatewayHeaders;
  if ((has & HOST) === 0) h.push([lowercase ? 'host' : 'Host', request.domainName]);
  if ((has & TRACE) === 0)
    h.push([lowercase ? 'x-amzn-trace-id' : 'X-Amzn-Trace-Id', traceHeader(request.ids, request.time)]);
  if ((has & FOR) === 0) h.push([lowercase ? 'x-forwarded-for' : 'X-Forwarded-For', request.sourceIp]);
  if ((has & PORT) === 0) h.push([lowercase ? 'x-forwarded-port' : 'X-Forwarded-Port', '443']);
  if ((has & PROTO) === 0) h.push([lowercase ? 'x-forwarded-proto' : 'X-Forwarded-Proto', 'https']);
}

/** Bits of {@link scanHeaders}' `gateway` field: which gateway-added headers the request already has. */
export const HOST = 1;
export const TRACE = 2;
export const FOR = 4;
export const PORT = 8;
export const PROTO = 16;

// The names scanHeaders looks for; any other name is skipped without lowercasing it.
const SCANNED = shapesOf([
  'content-type',
  'user-agent',
  'x-forwarded-for',
  'host',
  'x-amzn-trace-id',
  'x-forwarded-port',
  'x-forwarded-proto',
]);

/** One pass over the headers: the values the builders read and which gateway-added headers exist. */
export function scanHeaders(list: HeaderList): {
  contentType: string | undefined;
  forwardedFor: string | undefined;
  userAgent: string | undefined;
  gateway: number;
} {
  let contentType: string | undefined;
  let forwardedFor: string | undefined;
  let userAgent: string | undefined;
  let gateway = 0;
  for (const [name, value] of list) {
    if (!SCANNED.has(nameShape(name))) continue;
    switch (name.toLowerCase()) {
      case 'content-type':
        contentType ??= value;
        break;
      case 'user-agent':
        userAgent ??= value;
        break;
      case 'x-forwarded-for':
        forwardedFor ??= value;
        gateway |= FOR;
        break;
      case 'host':
        gateway |= HOST;
        break;
      case 'x-amzn-trace-id':
        gateway |= TRACE;
        break;
      case 'x-forwarded-port':
        gateway |= PORT;
        break;
      case 'x-forwarded-proto':
        gateway |= PROTO;
        break;
    }
  }
  return { contentType, forwardedFor, userAgent, gateway };
}
