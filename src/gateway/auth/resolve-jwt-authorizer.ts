import { assertKnownOptions } from '../../errors/families.js';
import { invalidAuthorizer as bad, identityValidation } from './authorizer-checks.js';
import type { AuthApiType, CompiledAuthorizer } from './compiled-auth.js';
import { parseIdentitySources } from './identity-sources.js';

const USER_POOL =
  /^arn:aws[a-z-]*:cognito-idp:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):userpool\/([\w-]+_[0-9a-zA-Z]+)$/;

/**
 * A JWT (HTTP API) or Cognito user-pool (REST) authorizer, checked as `CreateAuthorizer` checks it: one identity
 * source, user-pool ARNs (Cognito), an https issuer and at least one audience (JWT).
 */
export function jwtAuthorizer(
  where: string,
  name: string,
  id: string,
  type: 'JWT' | 'COGNITO_USER_POOLS',
  config: Record<string, unknown>,
  apiType: AuthApiType,
): CompiledAuthorizer {
  const fallback =
    apiType === 'REST' ? 'method.request.header.Authorization' : ['$request.header.Authorization'];
  const identity = parseIdentitySources(
    `${where}.identitySource`,
    config.identitySource ?? fallback,
    apiType,
  );
  if (identity.length !== 1)
    throw bad(where, 'needs exactly one identity source', `Use ${JSON.stringify(fallback)}.`);
  if (type === 'COGNITO_USER_POOLS') {
    const arns = config.providerARNs;
    if (!Array.isArray(arns) || arns.length === 0)
      throw bad(
        where,
        'has no providerARNs',
        'List the user-pool ARNs: arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}.',
      );
    const issuers = arns.map((arn) => {
      const match = typeof arn === 'string' ? USER_POOL.exec(arn) : null;
      if (!match)
        throw bad(
          where,
          `providerARNs entry ${JSON.stringify(arn)} is not a user-pool ARN`,
          'Write arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123.',
        );
      return `https://cognito-idp.${match[1]}.amazonaws.com/${match[3]}`;
    });
    const expression = config.identityValidationExpression;
    return {
      kind: 'jwt',
      name,
      id,
      type,
      identity: identity[0]!,
      issuers,
      audience: [],
      validation: expression === undefined ? undefined : identityValidation(where, expression),
    };
  }
  const jwt = config.jwtConfiguration as Record<string, unknown> | undefined;
  if (typeof jwt !== 'object' || jwt === null)
    throw bad(
      where,
      'has no jwtConfiguration',
      "Add jwtConfiguration: { issuer: 'https://…', audience: ['client-id'] }.",
    );
  assertKnownOptions(`${where}.jwtConfiguration`, jwt, ['issuer', 'audience']);
  const issuer = jwt.issuer;
  if (typeof issuer !== 'string' || !/^https:\/\/[^/\s]+/.test(issuer)) {
    throw bad(
      where,
      `jwtConfiguration.issuer ${JSON.stringify(issuer)} is not an https URL`,
      'Give the issuer URL exactly as the tokens\' "iss" claim has it (AWS requires one).',
    );
  }
  const audience = jwt.audience;
  if (
    !Array.isArray(audience) ||
    audience.length === 0 ||
    audience.some((a) => typeof a !== 'string' || a === '')
  ) {
    throw bad(
      where,
      `jwtConfiguration.audience ${JSON.stringify(audience)} is not a list of audiences`,
      'Give at least one audience (an app client id); AWS requires it.',
    );
  }
  return {
    kind: 'jwt',
    name,
    id,
    type,
    identity: identity[0]!,
    issuers: [issuer],
    audience: [...audience],
    validation: undefined,
  };
}
