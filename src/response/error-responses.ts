import type { ApiType, ClientResponse } from './types.js';

/** Body of a REST API 502 for a malformed proxy result or a function error (36 bytes, space after the colon). */
export const REST_INTERNAL_ERROR_BODY = '{"message": "Internal server error"}';

/** Body of an HTTP API 500 for a malformed result or a function error. */
export const HTTP_API_INTERNAL_ERROR_BODY = '{"message":"Internal Server Error"}';

/**
 * The response the client gets when API Gateway rejects a Lambda proxy result: REST 502
 * `{"message": "Internal server error"}` with `x-amzn-ErrorType: InternalServerErrorException`; HTTP API 500
 * `{"message":"Internal Server Error"}`. Without the gateway's own id headers.
 *
 * @example
 * ```ts
 * proxyFailureResponse('REST').statusCode; // 502
 * ```
 */
export function proxyFailureResponse(apiType: ApiType): ClientResponse {
  if (apiType === 'REST') {
    return {
      statusCode: 502,
      headers: [
        ['Content-Type', 'application/json'],
        ['x-amzn-ErrorType', 'InternalServerErrorException'],
      ],
      cookies: [],
      body: REST_INTERNAL_ERROR_BODY,
      isBase64Decoded: false,
    };
  }
  return {
    statusCode: 500,
    headers: [['content-type', 'application/json']],
    cookies: [],
    body: HTTP_API_INTERNAL_ERROR_BODY,
    isBase64Decoded: false,
  };
}

/** Phrase used at the end of issue messages: what the client gets instead. */
export function failurePhrase(apiType: ApiType): string {
  return apiType === 'REST'
    ? `API Gateway answers 502 ${REST_INTERNAL_ERROR_BODY}`
    : `API Gateway answers 500 ${HTTP_API_INTERNAL_ERROR_BODY}`;
}
