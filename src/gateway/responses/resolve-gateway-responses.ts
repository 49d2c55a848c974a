import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { parseRequestSource, type RequestSource } from '../integrations/mapping/request-parameters.js';
import type { GatewayResponseType } from './types.js';

/** Every type `gatewayResponses` may name. */
export const GATEWAY_RESPONSE_TYPES: readonly GatewayResponseType[] = [
  'DEFAULT_4XX',
  'DEFAULT_5XX',
  'ACCESS_DENIED',
  'API_CONFIGURATION_ERROR',
  'AUTHORIZER_CONFIGURATION_ERROR',
  'AUTHORIZER_FAILURE',
  'BAD_REQUEST_PARAMETERS',
  'BAD_REQUEST_BODY',
  'EXPIRED_TOKEN',
  'INTEGRATION_FAILURE',
  'INTEGRATION_TIMEOUT',
  'INVALID_API_KEY',
  'INVALID_SIGNATURE',
  'MISSING_AUTHENTICATION_TOKEN',
  'QUOTA_EXCEEDED',
  'REQUEST_TOO_LARGE',
  'RESOURCE_NOT_FOUND',
  'THROTTLED',
  'UNAUTHORIZED',
  'UNSUPPORTED_MEDIA_TYPE',
  'WAF_FILTERED',
];

/** One customised gateway response, validated. */
export interface ResolvedGatewayResponse {
  statusCode: number | undefined;
  headers: readonly (readonly [string, RequestSource])[];
  /** Templates by lower-cased media type, declaration order. */
  templates: ReadonlyMap<string, string>;
}

/** Customised gateway responses by type. */
export type GatewayResponses = ReadonlyMap<string, ResolvedGatewayResponse>;

const KEYS = ['statusCode', 'responseParameters', 'responseTemplates'] as const;
const HEADER = /^gatewayresponse\.header\.([a-zA-Z0-9._$-]+)$/;

/**
 * Validates `gatewayResponses` (REST only): known types, statuses 100–599, `gatewayresponse.header.<Name>` keys
 * with method-request, stage-variable, context or static sources, string templates. `undefined` when none.
 *
 * @example
 * ```ts
 * resolveGatewayResponses({ DEFAULT_4XX: { statusCode: 400 } })?.get('DEFAULT_4XX')?.statusCode; // 400
 * ```
 */
export function resolveGatewayResponses(value: unknown): GatewayResponses | undefined {
  if (value === undefined) return undefined;
  const where = 'createGateway: gatewayResponses';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(
      where,
      'must be an object keyed by response type, e.g. { DEFAULT_4XX: { statusCode: 400 } }',
    );
  }
  const out = new Map<string, ResolvedGatewayResponse>();
  for (const [type, config] of Object.entries(value as Record<string, unknown>)) {
    const at = `${where}.${type}`;
    if (!GATEWAY_RESPONSE_TYPES.includes(type as GatewayResponseType)) {
      throw invalid(
        at,
        `unknown gateway response type ${JSON.stringify(type)}`,
        `Use one of ${GATEWAY_RESPONSE_TYPES.join(', ')}.`,
      );
    }
    if (typeof config !== 'object' || config === null) throw invalid(at, 'must be an object');
    assertKnownOptions(at, config, KEYS);
    const c = config as Record<string, unknown>;
    let statusCode: number | undefined;
    if (c.statusCode !== undefined) {
      statusCode = Number(c.statusCode);
      if (!/^[1-5]\d\d$/.test(String(c.statusCode))) {
        throw invalid(
          at,
          `statusCode must be a status code from 100 to 599, got ${JSON.stringify(c.statusCode)}`,
        );
      }
    }
    const headers: [string, RequestSource][] = [];
    for (const [key, expression] of Object.entries((c.responseParameters ?? {}) as Record<string, unknown>)) {
      const m = HEADER.exec(key);
      if (!m) {
        throw invalid(
          `${at}.responseParameters`,
          `${JSON.stringify(key)} is not gatewayresponse.header.<Name>`,
          'A gateway response can only set headers: gatewayresponse.header.<Name>.',
        );
      }
      headers.push([
        m[1]!,
        parseRequestSource(`${at}.responseParameters[${JSON.stringify(key)}]`, expression, undefined, false),
      ]);
    }
    const templates = new Map<string, string>();
    for (const [type2, template] of Object.entries((c.responseTemplates ?? {}) as Record<string, unknown>)) {
      if (typeof template !== 'string')
        throw invalid(`${at}.responseTemplates`, `the template for ${type2} must be a string`);
      templates.set(type2.toLowerCase(), template);
    }
    out.set(type, { statusCode, headers, templates });
  }
  return out.size === 0 ? undefined : out;
}

function invalid(where: string, why: string, hint = 'Fix the gateway response.'): GatewayConfigError {
  return new GatewayConfigError('GATEWAY_INVALID_GATEWAY_RESPONSE', `${where}: ${why}`, hint);
}
