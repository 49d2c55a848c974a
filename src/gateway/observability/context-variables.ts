/**
 * `$context` variable names documented for access logs (behaviour.md §12.2 REST, §12.3 HTTP API), without the
 * `$context.` prefix. Names under a family prefix (`authorizer.<key>`, `authorizer.claims.<p>`) are open-ended.
 */
/** The caller's `identity.*` keys every API type logs. */
const CALLER_IDENTITY = [
  'identity.accountId',
  'identity.caller',
  'identity.cognitoAuthenticationProvider',
  'identity.cognitoAuthenticationType',
  'identity.cognitoIdentityId',
  'identity.cognitoIdentityPoolId',
  'identity.principalOrgId',
  'identity.sourceIp',
  'identity.user',
  'identity.userAgent',
  'identity.userArn',
];

/** `authorize.*`, `authorizer.*`, `authenticate.*` and `waf.*` of the REST and WebSocket request flow. */
const AUTHORIZE_AND_WAF = [
  'authorize.error',
  'authorize.latency',
  'authorize.status',
  'authorizer.integrationLatency',
  'authorizer.integrationStatus',
  'authorizer.latency',
  'authorizer.requestId',
  'authorizer.status',
  'authenticate.error',
  'authenticate.latency',
  'authenticate.status',
  'waf.error',
  'waf.latency',
  'waf.status',
];

const COMMON = [
  ...CALLER_IDENTITY,
  'accountId',
  'apiId',
  'authorizer.principalId',
  'awsEndpointRequestId',
  'customDomain.basePathMatched',
  'domainName',
  'domainPrefix',
  'error.message',
  'error.messageString',
  'error.responseType',
  'extendedRequestId',
  'httpMethod',
  'identity.clientCert.clientCertPem',
  'identity.clientCert.subjectDN',
  'identity.clientCert.issuerDN',
  'identity.clientCert.serialNumber',
  'identity.clientCert.validity.notBefore',
  'identity.clientCert.validity.notAfter',
  'integration.error',
  'integration.integrationStatus',
  'integration.latency',
  'integration.requestId',
  'integration.status',
  'integrationErrorMessage',
  'integrationLatency',
  'integrationStatus',
  'path',
  'protocol',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'responseLatency',
  'responseLength',
  'stage',
  'status',
  'authorizer.error',
];

const REST_ONLY = [
  ...AUTHORIZE_AND_WAF,
  'deploymentId',
  'error.validationErrorString',
  'identity.apiKey',
  'identity.apiKeyId',
  'identity.vpcId',
  'identity.vpceId',
  'isCanaryRequest',
  'resourceId',
  'resourcePath',
  'wafResponseCode',
  'webaclArn',
  'xrayTraceId',
];

const HTTP_ONLY = [
  'awsEndpointRequestId2',
  'dataProcessed',
  'routeKey',
  'authorizer.latency',
  'authorizer.status',
];

/** WebSocket access-log variables [DOC websocket-api-logging]. */
const WEBSOCKET = [
  ...AUTHORIZE_AND_WAF,
  ...CALLER_IDENTITY,
  'apiId',
  'authorizer.error',
  'authorizer.principalId',
  'connectedAt',
  'connectionId',
  'domainName',
  'error.message',
  'error.messageString',
  'error.responseType',
  'error.validationErrorString',
  'eventType',
  'extendedRequestId',
  'identity.apiKey',
  'identity.apiKeyId',
  'integration.error',
  'integration.integrationStatus',
  'integration.latency',
  'integration.requestId',
  'integration.status',
  'integrationLatency',
  'messageId',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'routeKey',
  'stage',
  'status',
];

const REST = new Set([...COMMON, ...REST_ONLY]);
const HTTP = new Set([...COMMON, ...HTTP_ONLY]);
const SETS = { REST, HTTP, WEBSOCKET: new Set(WEBSOCKET) };

/**
 * True when `name` (without `$context.`) is a documented access-log variable for the API type (§12.2 REST, §12.3
 * HTTP API, §12.4 WebSocket). Any name under
 * `authorizer.` is accepted (authorizer context keys and JWT/Cognito claims are user-defined).
 *
 * @example
 * ```ts
 * isDocumentedContextVariable('identity.sourceIp', 'REST'); // true
 * isDocumentedContextVariable('routeKey', 'REST');          // false (HTTP API only)
 * ```
 */
export function isDocumentedContextVariable(name: string, apiType: 'REST' | 'HTTP' | 'WEBSOCKET'): boolean {
  return SETS[apiType].has(name) || name.startsWith('authorizer.');
}
