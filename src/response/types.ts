/** Lambda proxy payload format version: `'1.0'` (REST APIs, HTTP APIs on 1.0) or `'2.0'` (HTTP APIs). */
export type PayloadFormat = '1.0' | '2.0';

/** Which kind of API Gateway API receives the result: a REST API (v1) or an HTTP API (v2). */
export type ApiType = 'REST' | 'HTTP';

/**
 * How a `binaryMediaTypes` entry of exactly `*\/*` behaves (REST only). AWS did not record it
 * (UNCONFIRMED): `'matches-all'` (default) treats every response as binary, as the widely used
 * "binaryMediaTypes: ['*\/*']" set-up relies on; `'ignored'` treats it like any left-hand wildcard, which never
 * matches (what LocalStack does).
 */
export type StarStarBinaryMediaType = 'matches-all' | 'ignored';

/**
 * What a payload 2.0 function returning `null` (or nothing: the Node.js runtime sends `null`) gets. UNCONFIRMED:
 * `'null-body'` (default) infers like any other JSON value, giving 200 with body `null`; `'error'` gives 500.
 */
export type V2NullResult = 'null-body' | 'error';

/** What the client sent that decides how the result is delivered. */
export interface ProxyResultRequest {
  /** The request's `Accept` header; only its first media range counts (REST binary decoding). */
  accept?: string | null;
  /** The REST API's `binaryMediaTypes` setting. */
  binaryMediaTypes?: readonly string[];
}

/** Options of {@link validateProxyResult}. */
export interface ValidateProxyResultOptions {
  /** Payload format version; default `'1.0'`. */
  payloadFormat?: PayloadFormat;
  /** API type; default `'REST'` for payload 1.0 and `'HTTP'` for 2.0 (REST APIs only speak 1.0). */
  apiType?: ApiType;
  /** The request the result answers; needed to decide whether a base64 body is decoded. */
  request?: ProxyResultRequest;
  /** How a `*\/*` entry of `binaryMediaTypes` behaves; default `'matches-all'` (UNCONFIRMED). */
  starStarBinaryMediaType?: StarStarBinaryMediaType;
  /** What a payload 2.0 `null` result gives; default `'null-body'` (UNCONFIRMED). */
  v2NullResult?: V2NullResult;
}

/** Stable codes of the problems {@link validateProxyResult} reports. */
export type ProxyResultIssueCode =
  | 'RESULT_NOT_SERIALIZABLE'
  | 'RESULT_NOT_OBJECT'
  | 'RESULT_NULL'
  | 'UNKNOWN_KEY'
  | 'STATUS_CODE_NOT_NUMERIC'
  | 'STATUS_CODE_NOT_INTEGER'
  | 'STATUS_CODE_OUT_OF_RANGE'
  | 'HEADERS_NOT_OBJECT'
  | 'HEADER_VALUE_INVALID'
  | 'HEADER_NAME_INVALID'
  | 'MULTI_VALUE_HEADERS_NOT_OBJECT'
  | 'MULTI_VALUE_NOT_ARRAY'
  | 'MULTI_VALUE_ITEM_INVALID'
  | 'BODY_NOT_STRING'
  | 'BODY_NOT_BASE64'
  | 'IS_BASE64_ENCODED_NOT_BOOLEAN'
  | 'COOKIES_NOT_ARRAY'
  | 'COOKIE_NOT_STRING';

/** Stable codes of the observations that do not fail the result but usually mean a mistake. */
export type ProxyResultWarningCode =
  | 'STATUS_CODE_NULL'
  | 'HEADER_VALUE_NULL'
  | 'BASE64_NOT_DECODED'
  | 'V2_KEY_IGNORED'
  | 'V2_INFERRED_LOOKS_STRUCTURED'
  | 'V2_NULL_RESULT'
  | 'BODY_DROPPED_FOR_STATUS';

/** One problem found in a proxy result. */
export interface ProxyResultIssue {
  /** JSON path of the offending value, e.g. `$.multiValueHeaders.x`. */
  path: string;
  /** Stable machine-readable code, e.g. `UNKNOWN_KEY`. */
  code: ProxyResultIssueCode;
  /** What is wrong and what API Gateway does about it. */
  message: string;
}

/** Something API Gateway accepts but that is probably not what the author meant. */
export interface ProxyResultWarning {
  path: string;
  code: ProxyResultWarningCode;
  message: string;
}

/** The HTTP response the client receives for a proxy result. */
export interface ClientResponse {
  statusCode: number;
  /** One entry per header line, in order, names as sent; includes the default `Content-Type` AWS adds. */
  headers: [string, string][];
  /** Payload 2.0 `cookies`, one `set-cookie` line each (also present in `headers`). */
  cookies: string[];
  /** The body text as the client sees it (`''` when none). */
  body: string;
  /** The bytes when API Gateway base64-decoded the body for the client. */
  bodyBytes?: Uint8Array;
  /** True when the body was base64-decoded. */
  isBase64Decoded: boolean;
}

/** Result of {@link validateProxyResult}. */
export interface ProxyResultReport {
  /** True when API Gateway accepts the result (no issues). */
  ok: boolean;
  payloadFormat: PayloadFormat;
  apiType: ApiType;
  /** Everything that makes API Gateway reject the result; empty when `ok`. */
  issues: ProxyResultIssue[];
  /** Accepted-but-suspicious findings; they never affect `ok`. */
  warnings: ProxyResultWarning[];
  /** What the client receives: the mapped result when `ok`, the AWS error response otherwise. */
  response: ClientResponse;
  /** Payload 2.0 only: true when API Gateway inferred the response (no `statusCode` in the result). */
  inferred: boolean;
}
