import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import {
  type HttpApiRequestMapping,
  type HttpApiResponseMapping,
  resolveHttpApiRequestMapping,
  resolveHttpApiResponseMapping,
} from '../integrations/http-api/parameter-mapping.js';
import {
  type DeclaredParameters,
  type RequestParameterMapping,
  resolveRequestParameters,
} from '../integrations/mapping/request-parameters.js';
import type { ApiType } from '../types.js';
import { httpUri } from './resolve-non-proxy.js';

/** `HTTP_PROXY`, resolved. */
export interface ResolvedHttpProxyIntegration {
  type: 'HTTP_PROXY';
  uri: string;
  /** `ANY` forwards the client's method. */
  httpMethod: string;
  timeoutMs: number;
  /** REST parameter mappings. */
  requestParameters: readonly RequestParameterMapping[];
  /** HTTP API parameter mapping. */
  httpApiRequest: HttpApiRequestMapping | undefined;
  httpApiResponse: HttpApiResponseMapping | undefined;
}

const KEYS = [
  'type',
  'uri',
  'httpMethod',
  'requestParameters',
  'responseParameters',
  'timeoutInMillis',
  'payloadFormatVersion',
] as const;

/** Validates an `HTTP_PROXY` integration (REST or HTTP API). */
export function resolveHttpProxy(
  where: string,
  integration: Record<string, unknown>,
  apiType: ApiType,
  declared: DeclaredParameters,
  timeoutMs: number,
): ResolvedHttpProxyIntegration {
  assertKnownOptions(where, integration, KEYS);
  const httpMethod = integration.httpMethod ?? 'ANY';
  if (typeof httpMethod !== 'string' || !/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY)$/.test(httpMethod)) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_INTEGRATION',
      `${where}.httpMethod: must be a method or ANY, got ${JSON.stringify(httpMethod)}`,
      "Leave it out (ANY: the client's method) or name one.",
    );
  }
  const format = integration.payloadFormatVersion;
  if (format !== undefined && (apiType !== 'HTTP' || format !== '1.0')) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_PAYLOAD_FORMAT',
      `${where}.payloadFormatVersion: ${apiType === 'HTTP' ? `HTTP_PROXY integrations take only '1.0', got ${JSON.stringify(format)}` : 'REST integrations have no payload format version'}`,
      apiType === 'HTTP' ? "Write '1.0' (AWS's only value for HTTP_PROXY) or leave it out." : 'Remove it.',
    );
  }
  if (apiType === 'REST' && integration.responseParameters !== undefined) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_INTEGRATION',
      `${where}.responseParameters: REST HTTP_PROXY integrations pass the backend's response through`,
      'Remove responseParameters (HTTP APIs only), or use an HTTP integration with integrationResponses.',
    );
  }
  return {
    type: 'HTTP_PROXY',
    uri: httpUri(`${where}.uri`, integration.uri),
    httpMethod,
    timeoutMs,
    requestParameters:
      apiType === 'REST' ? resolveRequestParameters(where, integration.requestParameters, declared) : [],
    httpApiRequest:
      apiType === 'HTTP'
        ? resolveHttpApiRequestMapping(`${where}.requestParameters`, integration.requestParameters)
        : undefined,
    httpApiResponse:
      apiType === 'HTTP'
        ? resolveHttpApiResponseMapping(`${where}.responseParameters`, integration.responseParameters)
        : undefined,
  };
}
