// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';

export { assertProxyResult } from './assert-proxy-result.js';
export { iamGlobMatches } from './authorizer-policy.js';
export type {
  AuthorizerApi,
  AuthorizerDecision,
  AuthorizerResultFinding,
  AuthorizerResultIssueCode,
  AuthorizerResultReport,
  AuthorizerResultWarningCode,
  ValidateAuthorizerResultOptions,
} from './authorizer-result-types.js';
export { binaryMediaTypeMatches, firstMediaRange, restDecodesBase64 } from './binary-media.js';
export {
  HTTP_API_INTERNAL_ERROR_BODY,
  proxyFailureResponse,
  REST_INTERNAL_ERROR_BODY,
} from './error-responses.js';
export { formatClientResponse, formatProxyResultReport } from './format-report.js';
export { ProxyResultError } from './proxy-result-error.js';
export { REMAPPED_HEADER_PREFIX, remapRestResponseHeaders } from './remap-headers.js';
export type {
  ApiType,
  ClientResponse,
  PayloadFormat,
  ProxyResultIssue,
  ProxyResultIssueCode,
  ProxyResultReport,
  ProxyResultRequest,
  ProxyResultWarning,
  ProxyResultWarningCode,
  StarStarBinaryMediaType,
  V2NullResult,
  ValidateProxyResultOptions,
} from './types.js';
export { validateAuthorizerResult } from './validate-authorizer-result.js';
export { validateProxyResult } from './validate-proxy-result.js';
