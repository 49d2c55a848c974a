import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { EventInputError } from '../errors/families.js';
import { formatValue } from '../errors/format-value.js';
import { executeApiArn } from './derive/arn.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_API_ID, DEFAULT_REGION } from './derive/constants.js';
import { knownOptions } from './derive/known-options.js';
import { checkPath, checkStage, resolveMethod } from './derive/validate.js';
import { collapseLeadingSlashes } from './resolve-resource.js';

/** Options of {@link buildTokenAuthorizerEvent}. */
export interface TokenAuthorizerEventOptions {
  /** Whole value of the identity-source header. Default `Bearer allow`. */
  token?: string;
  /** Verb of the request being authorized. Default `GET`. */
  method?: string;
  /** Request path after the stage (values, not templates). Default `/`. */
  path?: string;
  /** Default `dev`. */
  stage?: string;
  apiId?: string;
  accountId?: string;
  region?: string;
  /** Use this ARN instead of deriving it. */
  methodArn?: string;
}

const KNOWN = ['token', 'method', 'path', 'stage', 'apiId', 'accountId', 'region', 'methodArn'];
const WHERE = 'buildTokenAuthorizerEvent';
const checkOptions = knownOptions(WHERE, KNOWN);

/**
 * Builds the input of a REST `TOKEN` Lambda authorizer: `{ type: 'TOKEN', authorizationToken, methodArn }`,
 * where `methodArn` names the actual request (`…/dev/GET/pets/7`; the root path ends in `/`).
 *
 * @example
 * ```ts
 * buildTokenAuthorizerEvent({ token: 'Bearer abc', method: 'GET', path: '/pets/7' }).methodArn;
 * // 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets/7'
 * ```
 */

export function buildTokenAuthorizerEvent(
  options: TokenAuthorizerEventOptions = {},
): APIGatewayTokenAuthorizerEvent {
  checkOptions(options);
  const token = options.token ?? 'Bearer allow';
  if (typeof token !== 'string' || token === '') {
    throw new EventInputError(
      'EVENT_INVALID_TOKEN',
      `${WHERE}: invalid token: ${formatValue(token)}`,
      'API Gateway answers 401 without calling the authorizer when the token is missing or empty; pass a non-empty string.',
    );
  }
  const rawPath = checkPath(WHERE, options.path ?? '/');
  const q = rawPath.indexOf('?');
  const path = collapseLeadingSlashes(q === -1 ? rawPath : rawPath.slice(0, q));
  const methodArn =
    options.methodArn ??
    executeApiArn(
      options.region ?? DEFAULT_REGION,
      options.accountId ?? DEFAULT_ACCOUNT_ID,
      options.apiId ?? DEFAULT_API_ID,
      options.stage === undefined ? 'dev' : checkStage(WHERE, options.stage),
      resolveMethod(WHERE, options.method),
      path,
    );
  return { type: 'TOKEN', authorizationToken: token, methodArn };
}
