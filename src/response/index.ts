export { assertProxyResult } from './assert-proxy-result.js';
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
export { validateProxyResult } from './validate-proxy-result.js';
