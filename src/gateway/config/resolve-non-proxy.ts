import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import type { ServiceUri } from '../integrations/aws/service-uri.js';
import { parseServiceUri } from '../integrations/aws/service-uri.js';
import type { AwsServiceResponder } from '../integrations/aws/types.js';
import type { RequestMapping } from '../integrations/mapping/integration-request.js';
import {
  type DeclaredParameters,
  resolveRequestParameters,
} from '../integrations/mapping/request-parameters.js';
import {
  compileTemplates,
  type MethodResponses,
  resolveContentHandling,
  resolveIntegrationResponses,
  resolvePassthrough,
} from '../integrations/mapping/resolve-mapping.js';
import type { ResolvedIntegrationResponse } from '../integrations/mapping/types.js';
import type { AwsBackends } from './resolve-aws-backends.js';
import type { LambdaFunctionSettings } from './resolve-lambda-function.js';

/** The request and response mapping of a non-proxy integration. */
export interface ResolvedMapping extends RequestMapping {
  integrationResponses: readonly ResolvedIntegrationResponse[];
}

/** `AWS` with a handler: Lambda custom (non-proxy). */
export interface ResolvedLambdaCustomIntegration extends ResolvedMapping, LambdaFunctionSettings {
  type: 'AWS';
  kind: 'lambda';
  httpMethod: string;
  timeoutMs: number;
}

/** Where an AWS service call goes: a user responder or an AWS-compatible endpoint. */
export type AwsBackend =
  | { kind: 'responder'; responder: AwsServiceResponder }
  | { kind: 'endpoint'; url: string };

/** `AWS` with a service URI. */
export interface ResolvedAwsServiceIntegration extends ResolvedMapping {
  type: 'AWS';
  kind: 'service';
  uri: string;
  parsed: ServiceUri;
  httpMethod: string;
  credentials: string | undefined;
  timeoutMs: number;
  backend: AwsBackend;
}

/** `HTTP` (non-proxy). */
export interface ResolvedHttpIntegration extends ResolvedMapping {
  type: 'HTTP';
  uri: string;
  httpMethod: string;
  timeoutMs: number;
}

const MAPPING_KEYS = [
  'type',
  'requestTemplates',
  'requestParameters',
  'passthroughBehavior',
  'contentHandling',
  'integrationResponses',
  'timeoutInMillis',
] as const;
const LAMBDA_KEYS = [
  ...MAPPING_KEYS,
  'handler',
  'uri',
  'httpMethod',
  'functionTimeoutMs',
  'functionName',
  'memoryLimitInMB',
  'qualifier',
  'functionVersion',
];
const SERVICE_KEYS = [...MAPPING_KEYS, 'uri', 'httpMethod', 'credentials'];
const HTTP_KEYS = [...MAPPING_KEYS, 'uri', 'httpMethod'];
const METHODS = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY)$/;
const ROLE = /^arn:aws:iam::(\d{12}|\*):(role\/.+|user\/.+|\$\{stageVariables\.[A-Za-z0-9_]+\})$/;

/** Resolves the mapping fields shared by `AWS` and `HTTP` integrations. */
export function resolveMapping(
  where: string,
  integration: Record<string, unknown>,
  methods: MethodResponses | undefined,
  declared: DeclaredParameters,
): ResolvedMapping {
  return {
    requestTemplates: compileTemplates(`${where}.requestTemplates`, integration.requestTemplates),
    passthroughBehavior: resolvePassthrough(where, integration.passthroughBehavior),
    contentHandling: resolveContentHandling(where, integration.contentHandling),
    requestParameters: resolveRequestParameters(where, integration.requestParameters, declared),
    integrationResponses:
      integration.integrationResponses === undefined
        ? []
        : resolveIntegrationResponses(where, integration.integrationResponses, methods),
  };
}

/** Shared inputs of the non-proxy resolvers. */
export interface NonProxyInputs {
  where: string;
  integration: Record<string, unknown>;
  methods: MethodResponses | undefined;
  declared: DeclaredParameters;
  timeoutMs: number;
}

/** `{ type: 'AWS', handler, … }`: a Lambda custom integration. */
export function resolveLambdaCustom(
  input: NonProxyInputs,
  lambda: LambdaFunctionSettings,
): ResolvedLambdaCustomIntegration {
  const { where, integration } = input;
  assertKnownOptions(where, integration, LAMBDA_KEYS);
  const httpMethod = integration.httpMethod ?? 'POST';
  if (typeof httpMethod !== 'string') throw invalid(where, 'httpMethod must be a string');
  return {
    type: 'AWS',
    kind: 'lambda',
    httpMethod,
    timeoutMs: input.timeoutMs,
    ...lambda,
    ...resolveMapping(where, integration, input.methods, input.declared),
  };
}

/** `{ type: 'AWS', uri: 'arn:aws:apigateway:…', httpMethod, … }`: an AWS service integration. */
export function resolveAwsService(
  input: NonProxyInputs,
  backends: AwsBackends,
): ResolvedAwsServiceIntegration {
  const { where, integration } = input;
  assertKnownOptions(where, integration, SERVICE_KEYS);
  const parsed = parseServiceUri(`${where}.uri`, integration.uri);
  if (parsed.service === 'lambda') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_INTEGRATION_URI',
      `${where}.uri: a Lambda invocation URI needs the function itself`,
      "Give handler: { type: 'AWS', handler, … } runs the function as a Lambda custom integration.",
      { uri: integration.uri },
    );
  }
  const httpMethod = method(where, integration.httpMethod);
  const credentials = integration.credentials;
  if (credentials !== undefined && (typeof credentials !== 'string' || !ROLE.test(credentials))) {
    throw invalid(
      `${where}.credentials`,
      `must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), got ${JSON.stringify(credentials)}`,
    );
  }
  return {
    type: 'AWS',
    kind: 'service',
    uri: integration.uri as string,
    parsed,
    httpMethod,
    credentials: credentials as string | undefined,
    timeoutMs: input.timeoutMs,
    backend: backends.backendFor(where, parsed),
    ...resolveMapping(where, integration, input.methods, input.declared),
  };
}

/** `{ type: 'HTTP', uri, httpMethod, … }`. */
export function resolveHttp(input: NonProxyInputs): ResolvedHttpIntegration {
  const { where, integration } = input;
  assertKnownOptions(where, integration, HTTP_KEYS);
  return {
    type: 'HTTP',
    uri: httpUri(`${where}.uri`, integration.uri),
    httpMethod: method(where, integration.httpMethod),
    timeoutMs: input.timeoutMs,
    ...resolveMapping(where, integration, input.methods, input.declared),
  };
}

/** Validates an HTTP(S) integration URI (placeholders `{x}` and `${stageVariables.x}` allowed). */
export function httpUri(where: string, uri: unknown): string {
  const probe =
    typeof uri === 'string'
      ? uri.replace(/\$\{stageVariables\.[A-Za-z0-9_]+\}/g, 'x').replace(/\{[^}]+\}/g, 'x')
      : '';
  let ok = false;
  try {
    const url = new URL(probe);
    ok = (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//.test(probe);
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_INTEGRATION_URI',
      `${where}: ${JSON.stringify(uri)} is not an absolute http(s) URL`,
      "Write the backend's URL, e.g. 'https://backend.example.com/pets/{id}' (AWS: \"Invalid HTTP endpoint specified for URI\").",
      { uri },
    );
  }
  return uri as string;
}

function method(where: string, value: unknown): string {
  if (typeof value !== 'string' || !METHODS.test(value)) {
    throw invalid(
      `${where}.httpMethod`,
      `must be GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function invalid(where: string, why: string): GatewayConfigError {
  return new GatewayConfigError('GATEWAY_INVALID_INTEGRATION', `${where}: ${why}`, 'Fix the integration.');
}
