import { DROPPED_REQUEST_HEADERS } from './constants.js';
import { FOR, HOST, PORT, PROTO, TRACE } from './gateway-headers.js';
import { headerNameInfos } from './header-name-info.js';
import { nameShape } from './headers.js';
import { eventIds, traceHeader } from './id-block.js';
import type { ResolvedRequest } from './request.js';
import { setEntry } from './safe-record.js';

/** Header pairs as the gateway hands them over: names as sent, in request order. */
export type HeaderPairs = ReadonlyArray<readonly [string, string]>;

/** What one pass over the request headers gives: the event's header map(s) and the values builders read. */
export interface HeaderPass {
  headers: Record<string, string>;
  /** 1.0 multi-value map (`{}` for 2.0). */
  multi: Record<string, string[]>;
  /** 2.0 cookies split out of the `Cookie` lines (empty for 1.0). */
  cookies: string[];
  contentType: string | undefined;
  userAgent: string | undefined;
  forwardedFor: string | undefined;
  /** Bit set of the gateway-added headers present (`HOST`, `TRACE`, … of gateway-headers). */
  present: number;
}

/**
 * One pass over header pairs that does what `toHeaderList` → `scanHeaders` → `dropSigV4Authorization` →
 * `toV1HeaderMaps` do in turn, without the intermediate lists: validate each line, drop the headers API
 * Gateway never forwards (and, for REST, a SigV4 `Authorization`), note the values the builders read and
 * fill the 1.0 maps (`format` 1: names as first spelled, `Authorization` capitalised; 2: lowercase) or the
 * 2.0 map (`format` 3: lowercase, repeats joined with `,`, cookies split out). Returns `undefined` when a
 * line is invalid, so the caller can let the validating builder report it.
 */
export function passHeaders(pairs: HeaderPairs, format: 1 | 2 | 3, rest: boolean): HeaderPass | undefined {
  const headers: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  const cookies: string[] = [];
  let contentType: string | undefined;
  let userAgent: string | undefined;
  let forwardedFor: string | undefined;
  let present = 0;
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i];
    if (!Array.isArray(pair) || pair.length !== 2) return undefined;
    const rawName = pair[0];
    const value = pair[1];
    if (typeof rawName !== 'string') return undefined;
    const info = nameInfo(rawName);
    if (info === undefined || !isHeaderValue(value)) return undefined;
    // 1.0 maps keep the client's spelling: only names the switch knows need their lowercase there.
    const shape = info.shape;
    const lower = format !== 1 || info.known ? info.lower : undefined;
    switch (lower) {
      case undefined:
        break;
      case 'content-type':
        contentType ??= value;
        break;
      case 'user-agent':
        userAgent ??= value;
        break;
      case 'x-forwarded-for':
        forwardedFor ??= value;
        present |= FOR;
        break;
      case 'host':
        present |= HOST;
        break;
      case 'x-amzn-trace-id':
        present |= TRACE;
        break;
      case 'x-forwarded-port':
        present |= PORT;
        break;
      case 'x-forwarded-proto':
        present |= PROTO;
        break;
      case 'authorization':
        if (rest && value.startsWith('AWS4-HMAC-SHA256')) continue;
        break;
      case 'cookie':
        if (format === 3) {
          splitCookies(value, cookies);
          continue;
        }
        break;
      default:
        if (DROPPED_REQUEST_HEADERS.has(lower)) continue;
    }
    // A line whose name no earlier line shares in shape (see nameShape) is a new key of the maps: it is stored
    // without asking `Object.hasOwn` or looking for an earlier spelling (nearly every request: no name repeats).
    if (!shapeSeen(pairs, i, shape)) {
      const name = format !== 1 ? lower! : lower === 'authorization' ? 'Authorization' : rawName;
      if (name === '__proto__') {
        setEntry(headers, name, value);
        if (format !== 3) setEntry(multi, name, [value]);
      } else {
        headers[name] = value;
        if (format !== 3) multi[name] = [value];
      }
      continue;
    }
    if (format === 3) {
      const key = lower!;
      const previous = Object.hasOwn(headers, key) ? headers[key] : undefined;
      const joined = previous === undefined ? value : `${previous},${value}`;
      if (key === '__proto__') setEntry(headers, key, joined);
      else headers[key] = joined;
      continue;
    }
    // 1.0 maps: the spelling of the first line with this name; a dropped earlier line (a SigV4 Authorization)
    // gives the same key, lowercase or `Authorization`.
    const name =
      format === 2
        ? lower!
        : lower === 'authorization'
          ? 'Authorization'
          : firstSpelling(pairs, i, rawName, shape);
    const values = Object.hasOwn(multi, name) ? multi[name] : undefined;
    if (values !== undefined) values.push(value);
    else if (name === '__proto__') setEntry(multi, name, [value]);
    else multi[name] = [value];
    if (name === '__proto__') setEntry(headers, name, value);
    else headers[name] = value;
  }
  return { headers, multi, cookies, contentType, userAgent, forwardedFor, present };
}

// Every name the switch above knows.
const nameInfo = headerNameInfos([
  'content-type',
  'user-agent',
  'x-forwarded-for',
  'host',
  'x-amzn-trace-id',
  'x-forwarded-port',
  'x-forwarded-proto',
  'authorization',
  'cookie',
  ...DROPPED_REQUEST_HEADERS,
]);

/** True when one of `pairs[0..i]` has a name of this shape (see nameShape). */
function shapeSeen(pairs: HeaderPairs, i: number, shape: number): boolean {
  for (let k = 0; k < i; k++) if (nameShape(pairs[k]![0]) === shape) return true;
  return false;
}

/** The name of the first of `pairs[0..i]` named like `rawName` in any case (`rawName` itself when none is). */
function firstSpelling(pairs: HeaderPairs, i: number, rawName: string, shape: number): string {
  let lower: string | undefined;
  for (let k = 0; k < i; k++) {
    const earlier = pairs[k]![0];
    if (nameShape(earlier) !== shape) continue;
    lower ??= rawName.toLowerCase();
    if (earlier.toLowerCase() === lower) return earlier;
  }
  return rawName;
}

/** Adds a header the maps do not have yet (gateway-added headers, `User-Agent`, `content-length`). */
export function addNewHeader(pass: HeaderPass, format: 1 | 2 | 3, name: string, value: string): void {
  pass.headers[name] = value;
  if (format !== 3) pass.multi[name] = [value];
}

/**
 * Adds the headers API Gateway adds unless the request already has them (Host, X-Amzn-Trace-Id,
 * X-Forwarded-For, X-Forwarded-Port, X-Forwarded-Proto) to a header pass (see {@link addGatewayEntries}).
 * Names are capitalised for `format` 1 and lowercase otherwise; `seed` is the request id the trace id
 * derives from.
 */
export function addPassGatewayHeaders(
  pass: HeaderPass,
  format: 1 | 2 | 3,
  domainName: string,
  sourceIp: string,
  seed: string | undefined,
  epoch: number,
): void {
  const has = pass.present;
  const trace = (has & TRACE) === 0 ? traceHeader(eventIds(seed, undefined), epoch) : '';
  addGatewayEntries(pass.headers, pass.multi, has, format, domainName, sourceIp, trace);
}

/**
 * Stores the gateway-added headers missing from `has` (bits of gateway-headers) straight into the event's
 * maps, after the request's own lines (none of which has these names): capitalised for `format` 1,
 * lowercase otherwise, no multi-value entries for `format` 3. `trace` is the X-Amzn-Trace-Id value (unused
 * when the request has one).
 */
export function addGatewayEntries(
  headers: Record<string, string>,
  multi: Record<string, string[]>,
  has: number,
  format: 1 | 2 | 3,
  domainName: string,
  sourceIp: string,
  trace: string,
): void {
  if (format === 1) {
    // REST, the usual case: stores under constant names (a store under a computed name is a slow generic
    // lookup once it has seen many objects; these were a tenth of the gateway's event building, and storing
    // them so halves filling a builder's maps with its seven lines, ~0.5 → ~0.27 µs, measured).
    if ((has & HOST) === 0) {
      headers.Host = domainName;
      multi.Host = [domainName];
    }
    if ((has & TRACE) === 0) {
      headers['X-Amzn-Trace-Id'] = trace;
      multi['X-Amzn-Trace-Id'] = [trace];
    }
    if ((has & FOR) === 0) {
      headers['X-Forwarded-For'] = sourceIp;
      multi['X-Forwarded-For'] = [sourceIp];
    }
    if ((has & PORT) === 0) {
      headers['X-Forwarded-Port'] = '443';
      multi['X-Forwarded-Port'] = ['443'];
    }
    if ((has & PROTO) === 0) {
      headers['X-Forwarded-Proto'] = 'https';
      multi['X-Forwarded-Proto'] = ['https'];
    }
    return;
  }
  // HTTP API formats: lowercase names.
  const both = format === 2;
  if ((has & HOST) === 0) {
    headers.host = domainName;
    if (both) multi.host = [domainName];
  }
  if ((has & TRACE) === 0) {
    headers['x-amzn-trace-id'] = trace;
    if (both) multi['x-amzn-trace-id'] = [trace];
  }
  if ((has & FOR) === 0) {
    headers['x-forwarded-for'] = sourceIp;
    if (both) multi['x-forwarded-for'] = [sourceIp];
  }
  if ((has & PORT) === 0) {
    headers['x-forwarded-port'] = '443';
    if (both) multi['x-forwarded-port'] = ['443'];
  }
  if ((has & PROTO) === 0) {
    headers['x-forwarded-proto'] = 'https';
    if (both) multi['x-forwarded-proto'] = ['https'];
  }
}

function isHeaderValue(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0) return false;
  }
  return true;
}

function splitCookies(value: string, out: string[]): void {
  for (const part of value.split(';')) {
    const cookie = part.trim();
    if (cookie.indexOf('=') > 0) out.push(cookie);
  }
}

/**
 * {@link addGatewayEntries} for a builder's resolved request: the headers API Gateway adds that the request
 * lacks, its trace id derived from the request's ids and time.
 */
export function addRequestGatewayEntries(
  request: ResolvedRequest,
  headers: Record<string, string>,
  multi: Record<string, string[]>,
  format: 1 | 2 | 3,
): void {
  const has = request.gatewayHeaders;
  const trace = (has & TRACE) === 0 ? traceHeader(request.ids, request.time) : '';
  addGatewayEntries(headers, multi, has, format, request.domainName, request.sourceIp, trace);
}
