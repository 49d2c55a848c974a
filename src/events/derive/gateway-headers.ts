import { type HeaderList, nameShape, shapesOf } from './headers.js';

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
