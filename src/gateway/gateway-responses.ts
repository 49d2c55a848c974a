import { AUTH_FAILURES_HTTP, AUTH_FAILURES_REST, type AuthFailure } from './auth/auth-responses.js';
import type { AnsweredResponseType, GatewayResponseType } from './responses/types.js';
import type { ApiType } from './types.js';

/**
 * Why the gateway answered by itself. One reason maps to one REST gateway response and one HTTP API error.
 * `CACHE_CONTROL_FORBIDDEN` is the REST `FAIL_WITH_403` cache-invalidation strategy.
 */
export type GatewayFailure =
  | 'NO_STAGE'
  | 'NO_ROUTE'
  | 'INVALID_API_KEY'
  | 'QUOTA_EXCEEDED'
  | 'THROTTLED'
  | 'INTEGRATION_TIMEOUT'
  | 'LAMBDA_FAILURE'
  | 'CONFIGURATION_ERROR'
  | 'CACHE_CONTROL_FORBIDDEN'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_TOO_LARGE'
  | 'REQUEST_HEADERS_TOO_LARGE'
  | 'LAMBDA_REQUEST_TOO_LARGE'
  | 'LAMBDA_RESPONSE_TOO_LARGE'
  | 'BAD_REQUEST_PARAMETERS'
  | 'BAD_REQUEST_BODY'
  | 'INVALID_JSON_BODY'
  | 'INTEGRATION_FAILURE'
  | AuthFailure;

/** A response the gateway generated, exactly as AWS sends it (behaviour.md §0, §5). */
export interface GatewayErrorResponse {
  failure: GatewayFailure;
  /** REST gateway response type (`$context.error.responseType`), e.g. `MISSING_AUTHENTICATION_TOKEN`. */
  responseType: AnsweredResponseType;
  /** `$context.error.message`. */
  message: string;
  statusCode: number;
  /** Headers in order, including the request-id headers. */
  headers: [string, string][];
  body: string;
}

/** One row of the gateway-response table. */
export interface GatewayResponseSpec {
  status: number;
  responseType: AnsweredResponseType;
  message: string;
  body: string;
  errorType?: string;
  /** Answered by the front end before API Gateway proper: this content type, no request-id headers. */
  frontEnd?: string;
  /** The body's key is `Message` (capital M), as AWS's IAM-style denials send it. */
  capitalMessage?: boolean;
}
type Spec = GatewayResponseSpec;

// REST bodies: `$context.error.messageString` is quoted; AWS prints a space after the colon for the two 5xx
// messages below and none for the others (recorded, behaviour.md §0).
const rest = (
  status: number,
  responseType: GatewayResponseType,
  message: string,
  errorType: string,
  spaced = false,
): Spec => ({
  status,
  responseType,
  message,
  errorType,
  body: spaced ? `{"message": "${message}"}` : `{"message":"${message}"}`,
});

const REST: Record<GatewayFailure, Spec> = {
  NO_STAGE: rest(403, 'DEFAULT_4XX', 'Forbidden', 'ForbiddenException'),
  NO_ROUTE: rest(
    403,
    'MISSING_AUTHENTICATION_TOKEN',
    'Missing Authentication Token',
    'MissingAuthenticationTokenException',
  ),
  INVALID_API_KEY: rest(403, 'INVALID_API_KEY', 'Forbidden', 'ForbiddenException'),
  QUOTA_EXCEEDED: rest(429, 'QUOTA_EXCEEDED', 'Limit Exceeded', 'LimitExceededException'),
  THROTTLED: rest(429, 'THROTTLED', 'Too Many Requests', 'TooManyRequestsException'),
  INTEGRATION_TIMEOUT: rest(
    504,
    'INTEGRATION_TIMEOUT',
    'Endpoint request timed out',
    'InternalServerErrorException',
    true,
  ),
  LAMBDA_FAILURE: rest(502, 'DEFAULT_5XX', 'Internal server error', 'InternalServerErrorException', true),
  CONFIGURATION_ERROR: rest(
    500,
    'API_CONFIGURATION_ERROR',
    'Internal server error',
    'InternalServerErrorException',
    true,
  ),
  CACHE_CONTROL_FORBIDDEN: rest(403, 'ACCESS_DENIED', 'Forbidden', 'AccessDeniedException'),
  // Non-proxy passthrough refusal (behaviour.md §4.4; LocalStack's body and error type, not recorded on AWS).
  UNSUPPORTED_MEDIA_TYPE: rest(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Unsupported Media Type',
    'BadRequestException',
  ),
  // Body over 10 485 760 bytes: the front end answers in plain text, without AWS ids (third-party capture).
  REQUEST_TOO_LARGE: {
    status: 413,
    responseType: 'REQUEST_TOO_LARGE',
    message: 'HTTP content length exceeded 10485760 bytes.',
    body: 'HTTP content length exceeded 10485760 bytes.',
    frontEnd: 'text; charset=utf-8',
  },
  // Header values over 10 240 bytes: the front end refuses the request. The text is a third-party capture;
  // the status 431 is UNCONFIRMED (no recorded status; 431 is HTTP's status for it).
  REQUEST_HEADERS_TOO_LARGE: {
    status: 431,
    responseType: 'REQUEST_TOO_LARGE',
    message: 'HTTP header is larger than 10240 bytes.',
    body: 'HTTP header is larger than 10240 bytes.',
    frontEnd: 'text; charset=utf-8',
  },
  // Lambda event over Lambda's 6 MB invoke limit (third-party capture: 31-byte body, BadRequestException).
  LAMBDA_REQUEST_TOO_LARGE: rest(413, 'REQUEST_TOO_LARGE', 'Request Too Long', 'BadRequestException', true),
  // Lambda result over 6 291 556 bytes: "Lambda Customer Function Error", INTEGRATION_FAILURE (access-log capture).
  LAMBDA_RESPONSE_TOO_LARGE: rest(
    502,
    'INTEGRATION_FAILURE',
    'Internal server error',
    'InternalServerErrorException',
    true,
  ),
  // Request validation (behaviour.md §10): the message of BAD_REQUEST_PARAMETERS is per request.
  BAD_REQUEST_PARAMETERS: rest(
    400,
    'BAD_REQUEST_PARAMETERS',
    'Missing required request parameters: []',
    'BadRequestException',
  ),
  BAD_REQUEST_BODY: rest(400, 'BAD_REQUEST_BODY', 'Invalid request body', 'BadRequestException'),
  // $input.path/json over a body that is not JSON: the message is per request ("Could not parse request body…").
  INVALID_JSON_BODY: rest(
    400,
    'BAD_REQUEST_BODY',
    'Could not parse request body into json',
    'BadRequestException',
  ),
  // HTTP backend unreachable over the network (TLS, reset): 504 (LocalStack's wording; UNCONFIRMED on AWS).
  INTEGRATION_FAILURE: rest(
    504,
    'INTEGRATION_FAILURE',
    'Network error communicating with endpoint',
    'InternalServerErrorException',
  ),
  ...AUTH_FAILURES_REST,
};

const http = (status: number, responseType: AnsweredResponseType, message: string): Spec => ({
  status,
  responseType,
  message,
  body: `{"message":"${message}"}`,
});

// HTTP APIs have no gateway-response customisation and send no x-amzn-ErrorType (behaviour.md §5).
const HTTP: Record<GatewayFailure, Spec> = {
  NO_STAGE: http(404, 'NOT_FOUND', 'Not Found'),
  NO_ROUTE: http(404, 'NOT_FOUND', 'Not Found'),
  INVALID_API_KEY: http(403, 'ACCESS_DENIED', 'Forbidden'),
  QUOTA_EXCEEDED: http(429, 'QUOTA_EXCEEDED', 'Too Many Requests'),
  THROTTLED: http(429, 'THROTTLED', 'Too Many Requests'),
  INTEGRATION_TIMEOUT: http(503, 'INTEGRATION_TIMEOUT', 'Service Unavailable'),
  LAMBDA_FAILURE: http(500, 'INTEGRATION_FAILURE', 'Internal Server Error'),
  CONFIGURATION_ERROR: http(500, 'API_CONFIGURATION_ERROR', 'Internal Server Error'),
  CACHE_CONTROL_FORBIDDEN: http(403, 'ACCESS_DENIED', 'Forbidden'),
  // HTTP APIs have no mapping templates, so no passthrough refusal; kept for completeness (UNCONFIRMED).
  UNSUPPORTED_MEDIA_TYPE: http(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type'),
  // HTTP API 413 wording is UNCONFIRMED (behaviour.md §14 only gives the 10 MB limit).
  REQUEST_TOO_LARGE: http(413, 'REQUEST_TOO_LARGE', 'Request Entity Too Large'),
  // HTTP API header limit: status and wording UNCONFIRMED (behaviour.md §14 only gives the limit).
  REQUEST_HEADERS_TOO_LARGE: http(431, 'REQUEST_TOO_LARGE', 'Request Header Fields Too Large'),
  LAMBDA_REQUEST_TOO_LARGE: http(413, 'REQUEST_TOO_LARGE', 'Request Entity Too Large'),
  LAMBDA_RESPONSE_TOO_LARGE: http(500, 'INTEGRATION_FAILURE', 'Internal Server Error'),
  // HTTP APIs have no request validation; kept for completeness.
  BAD_REQUEST_PARAMETERS: http(400, 'BAD_REQUEST_PARAMETERS', 'Bad Request'),
  BAD_REQUEST_BODY: http(400, 'BAD_REQUEST_BODY', 'Bad Request'),
  INVALID_JSON_BODY: http(400, 'BAD_REQUEST_BODY', 'Bad Request'),
  // HTTP API integration failures are 500 Internal Server Error (behaviour.md §5).
  INTEGRATION_FAILURE: http(500, 'INTEGRATION_FAILURE', 'Internal Server Error'),
  ...AUTH_FAILURES_HTTP,
};

/**
 * `x-amzn-ErrorType` of a failure (REST) and whether the front end answers it (no customisation, no ids).
 *
 * @example
 * ```ts
 * gatewayResponseSpec('REST', 'NO_ROUTE').errorType; // 'MissingAuthenticationTokenException'
 * ```
 */
export function gatewayResponseSpec(
  apiType: ApiType,
  failure: GatewayFailure,
): { status: number; responseType: string; errorType: string | undefined; frontEnd: boolean } {
  const spec = apiType === 'REST' ? REST[failure] : HTTP[failure];
  return {
    status: spec.status,
    responseType: spec.responseType,
    errorType: spec.errorType,
    frontEnd: spec.frontEnd !== undefined,
  };
}

/**
 * What one request adds to its gateway response: a message of its own (an authorizer's or SigV4's wording,
 * which names the request's resource) and extra headers (HTTP API JWT `www-authenticate`).
 */
export interface GatewayResponseDetail {
  message?: string;
  headers?: readonly (readonly [string, string])[];
}

/** The ids a gateway response carries. */
export interface ResponseIds {
  requestId: string;
  extendedRequestId: string;
}

/**
 * The one place gateway-generated failures are produced: status, byte-exact body and headers
 * (`Content-Type: application/json`, REST `x-amzn-RequestId`, `x-amzn-ErrorType`, `x-amz-apigw-id`; HTTP API
 * `apigw-requestid`).
 *
 * @example
 * ```ts
 * gatewayResponse('REST', 'NO_ROUTE', ids).body; // '{"message":"Missing Authentication Token"}'
 * ```
 */
export function gatewayResponse(
  apiType: ApiType,
  failure: GatewayFailure,
  ids: ResponseIds,
  detail?: GatewayResponseDetail,
): GatewayErrorResponse {
  const spec = apiType === 'REST' ? REST[failure] : HTTP[failure];
  const headers: [string, string][] = [['Content-Type', spec.frontEnd ?? 'application/json']];
  // A front-end answer carries no ids: API Gateway proper never saw the request.
  if (spec.frontEnd === undefined && apiType === 'REST') {
    headers.push(['x-amzn-RequestId', ids.requestId]);
    if (spec.errorType) headers.push(['x-amzn-ErrorType', spec.errorType]);
    headers.push(['x-amz-apigw-id', ids.extendedRequestId]);
  } else if (spec.frontEnd === undefined) {
    headers.push(['apigw-requestid', ids.requestId]);
  }
  if (detail?.headers) for (const [name, value] of detail.headers) headers.push([name, value]);
  // A per-request message (validation, authorizer and SigV4 wording) goes through the default template; a
  // front-end answer keeps its fixed text.
  const message = spec.frontEnd === undefined ? detail?.message : undefined;
  return {
    failure,
    responseType: spec.responseType,
    message: message ?? spec.message,
    statusCode: spec.status,
    headers,
    body:
      message === undefined
        ? spec.body
        : `{"${spec.capitalMessage ? 'Message' : 'message'}":${JSON.stringify(message)}}`,
  };
}

/**
 * Headers API Gateway adds to every integration response it returns: REST `x-amzn-RequestId`,
 * `x-amz-apigw-id`, `X-Amzn-Trace-Id` (not for MOCK: pass `undefined`); HTTP API `apigw-requestid`.
 */
export function integrationIdHeaders(
  apiType: ApiType,
  ids: ResponseIds,
  traceId: string | undefined,
): [string, string][] {
  if (apiType === 'HTTP') return [['apigw-requestid', ids.requestId]];
  // Each list written at its length: a push onto the two-line literal grew its store to 19 slots (~0.14 KB more per
  // response, heap-sampled on the gateway bench).
  if (traceId === undefined) {
    return [
      ['x-amzn-RequestId', ids.requestId],
      ['x-amz-apigw-id', ids.extendedRequestId],
    ];
  }
  return [
    ['x-amzn-RequestId', ids.requestId],
    ['x-amz-apigw-id', ids.extendedRequestId],
    ['X-Amzn-Trace-Id', traceId],
  ];
}
