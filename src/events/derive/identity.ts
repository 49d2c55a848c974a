import type { APIGatewayEventIdentity } from 'aws-lambda';
import { EventInputError } from '../../errors/families.js';
import { checkJsonValue } from './json-value.js';

/** The REST `requestContext.identity` fields a user may set. */
export type IdentityInput = Partial<APIGatewayEventIdentity>;

/** The 12 keys REST `requestContext.identity` (and the VTL's `$context.identity`) always has on AWS. */
export const BASE_IDENTITY_KEYS = [
  'accessKey',
  'accountId',
  'caller',
  'cognitoAuthenticationProvider',
  'cognitoAuthenticationType',
  'cognitoIdentityId',
  'cognitoIdentityPoolId',
  'principalOrgId',
  'sourceIp',
  'user',
  'userAgent',
  'userArn',
] as const;

/** Every identity field a user may set: the base keys and the ones AWS adds only when they apply. */
const IDENTITY_KEYS: readonly string[] = [
  ...BASE_IDENTITY_KEYS,
  'apiKey',
  'apiKeyId',
  'clientCert',
  'vpcId',
  'vpceId',
].sort();

/**
 * Builds REST `requestContext.identity`: always the 12 keys AWS sends (unset ones `null`, behaviour.md §1.1);
 * `apiKey`/`apiKeyId`, `clientCert`, `vpcId`/`vpceId` only when given.
 */
export function buildIdentity(
  where: string,
  sourceIp: string,
  userAgent: string | null,
  input: IdentityInput | undefined,
): APIGatewayEventIdentity {
  const identity = {
    accessKey: null,
    accountId: null,
    caller: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp,
    user: null,
    userAgent,
    userArn: null,
  } as unknown as APIGatewayEventIdentity;
  if (input === undefined) return identity;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new EventInputError(
      'EVENT_INVALID_OPTION_TYPE',
      `${where}: identity must be an object of identity fields, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`,
      "Pass identity: { sourceIp: '…', … }, or leave it out for the defaults.",
      { option: 'identity' },
    );
  }
  for (const key of Object.keys(input)) {
    if (!IDENTITY_KEYS.includes(key)) {
      throw new EventInputError(
        'UNKNOWN_OPTION',
        `${where}: unknown identity field "${key}"`,
        `Accepted identity fields: ${IDENTITY_KEYS.join(', ')}.`,
        { option: key },
      );
    }
    const value = (input as Record<string, unknown>)[key];
    checkJsonValue(where, `identity.${key}`, value);
    if (value !== undefined) (identity as unknown as Record<string, unknown>)[key] = value;
  }
  return identity;
}
