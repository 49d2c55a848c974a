import { GatewayConfigError } from '../../errors/families.js';
import { builtin } from '../../node/builtin.js';
import type { ResolvedGateway } from '../config/resolve-options.js';
import type { GatewayOptions } from '../types.js';
import type { IamCredentials, JsonWebKeySet } from './auth-options.js';
import type { AccessDeniedWording } from './deny-messages.js';
import { AuthorizerCache } from './lambda/authorizer-cache.js';
import { type CompiledPolicy, compilePolicy } from './policy/compile-policy.js';
import { PolicyDocumentError } from './policy/policy-error.js';
import { resolveAuthorizers } from './resolve-authorizers.js';
import { resolveRouteAuth } from './resolve-route-auth.js';

/** Registered IAM credentials, resolved. */
export interface RegisteredCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string | undefined;
  expiration: number | undefined;
  userArn: string;
  accountId: string;
  userId: string;
  principalOrgId: string | null;
  policy: CompiledPolicy;
}

/** The authorization state of one gateway (docs/authorization.md). */
export interface GatewayAuth {
  /** `arn:aws:execute-api:{region}:{account}:{apiId}`. */
  apiArn: string;
  wording: AccessDeniedWording;
  apiKeySource: 'HEADER' | 'AUTHORIZER';
  cache: AuthorizerCache;
  /** JWT issuers registered in process, with their key sets. */
  issuers: ReadonlyMap<string, JsonWebKeySet>;
  credentials: ReadonlyMap<string, RegisteredCredentials>;
  /** Per-gateway state of the lazily loaded engines (JWKS cache, SigV4 verifier). */
  engines: Map<string, unknown>;
}

/**
 * Compiles the gateway's authorizers, resource policy and trusted identities, and sets each route's `auth`.
 * Returns `undefined` when nothing about authorization is configured.
 */
export function createGatewayAuth(
  options: GatewayOptions,
  config: ResolvedGateway,
  functionTimeoutMs: number,
): GatewayAuth | undefined {
  const { apiType, table } = config;
  const apiArn = `arn:aws:execute-api:${config.region}:${config.accountId}:${config.apiId}`;
  const authorizers = resolveAuthorizers(options.authorizers, apiType, config.ids, functionTimeoutMs, {
    functions: config.functions,
    stageVariables: config.stageVariables,
  });
  let resourcePolicy: CompiledPolicy | undefined;
  if (options.policy !== undefined) {
    const text = typeof options.policy === 'string' ? options.policy : JSON.stringify(options.policy);
    if (text.length > 8192) {
      throw new GatewayConfigError(
        'GATEWAY_INVALID_POLICY',
        `createGateway: policy is ${text.length} characters`,
        'A resource policy is limited to 8 192 characters (AWS quota).',
      );
    }
    resourcePolicy = compileOrThrow(
      'createGateway: policy',
      options.policy,
      'resource',
      apiArn,
      'GATEWAY_INVALID_POLICY',
    );
  }
  const apiKeySource = options.apiKeySource ?? 'HEADER';
  if (apiKeySource !== 'HEADER' && apiKeySource !== 'AUTHORIZER') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      `createGateway: apiKeySource ${JSON.stringify(apiKeySource)} is not valid`,
      "Use 'HEADER' (x-api-key) or 'AUTHORIZER' (a Lambda authorizer's usageIdentifierKey).",
    );
  }
  const wording = resolveAccessDeniedWording(options.accessDeniedWording);
  let any = false;
  for (const route of table.routes) {
    route.auth = resolveRouteAuth(route, apiType, authorizers, resourcePolicy);
    if (route.auth !== undefined) any = true;
  }
  const { issuers, credentials } = registerIdentities(options.identityProviders, apiArn, config.accountId);
  if (!any && authorizers.size === 0 && options.apiKeySource === undefined) return undefined;
  return {
    apiArn,
    wording,
    apiKeySource,
    cache: new AuthorizerCache(config.clock),
    issuers,
    credentials,
    engines: new Map(),
  };
}

/** Checks `accessDeniedWording` (default `current`). */
export function resolveAccessDeniedWording(value: unknown): AccessDeniedWording {
  const wording = value ?? 'current';
  if (wording !== 'current' && wording !== 'legacy') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      `createGateway: accessDeniedWording ${JSON.stringify(wording)} is not valid`,
      "Use 'current' (default) or 'legacy'.",
    );
  }
  return wording;
}

/** Registers `identityProviders`: JWT issuers with their key sets, and IAM credentials by access key. */
export function registerIdentities(
  providers: GatewayOptions['identityProviders'],
  apiArn: string,
  ownAccount: string,
): { issuers: Map<string, JsonWebKeySet>; credentials: Map<string, RegisteredCredentials> } {
  const issuers = new Map<string, JsonWebKeySet>();
  const credentials = new Map<string, RegisteredCredentials>();
  if (providers === undefined) return { issuers, credentials };
  if (!Array.isArray(providers)) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_IDENTITY_PROVIDER',
      'createGateway: identityProviders must be an array',
      'Write identityProviders: [createTestIdentityProvider()].',
    );
  }
  providers.forEach((provider, index) => {
    const where = `createGateway: identityProviders[${index}]`;
    if (provider.jwks !== undefined) {
      if (typeof provider.issuer !== 'string' || !Array.isArray(provider.jwks?.keys)) {
        throw new GatewayConfigError(
          'GATEWAY_INVALID_IDENTITY_PROVIDER',
          `${where}: a key set needs its issuer and { keys: [...] }`,
          'Give issuer (the tokens\' "iss") and jwks: { keys }.',
        );
      }
      issuers.set(provider.issuer, provider.jwks);
    }
    for (const creds of provider.credentials ?? []) {
      const resolved = resolveCredentials(`${where}.credentials`, creds, apiArn, ownAccount);
      credentials.set(resolved.accessKeyId, resolved);
    }
  });
  return { issuers, credentials };
}

const USER_ARN =
  /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):(?:user|assumed-role|role|root|federated-user)(?:\/.*)?$/;

function resolveCredentials(
  where: string,
  creds: IamCredentials,
  apiArn: string,
  ownAccount: string,
): RegisteredCredentials {
  if (
    typeof creds?.accessKeyId !== 'string' ||
    creds.accessKeyId.length < 16 ||
    typeof creds.secretAccessKey !== 'string' ||
    creds.secretAccessKey === ''
  ) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_IDENTITY_PROVIDER',
      `${where}: credentials need an accessKeyId (16+ characters) and a secretAccessKey`,
      'Use createTestIdentityProvider().iamUser(…) or give both.',
    );
  }
  const account = typeof creds.userArn === 'string' ? USER_ARN.exec(creds.userArn)?.[1] : undefined;
  if (account === undefined) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_IDENTITY_PROVIDER',
      `${where}: userArn ${JSON.stringify(creds.userArn)} is not an IAM user or role-session ARN`,
      'Write arn:aws:iam::123456789012:user/alice or arn:aws:sts::123456789012:assumed-role/Role/session.',
    );
  }
  const policy = compileOrThrow(
    `${where}.policy`,
    creds.policy ?? {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `${apiArn}/*` }],
    },
    'identity',
    undefined,
    'GATEWAY_INVALID_POLICY',
  );
  return {
    accessKeyId: creds.accessKeyId,
    secretAccessKey: creds.secretAccessKey,
    sessionToken: creds.sessionToken,
    expiration: creds.expiration,
    userArn: creds.userArn,
    accountId: account ?? ownAccount,
    userId: creds.userId ?? defaultUserId(creds.userArn),
    principalOrgId: creds.principalOrgId ?? null,
    policy,
  };
}

/** `AIDA…` for users, `AROA…:session` for role sessions: a stable id derived from the ARN. */
function defaultUserId(arn: string): string {
  const digest = builtin('node:crypto')
    .createHash('sha256')
    .update(arn)
    .digest('hex')
    .toUpperCase()
    .replace(/[^A-Z2-7]/g, '')
    .padEnd(17, 'Q');
  const session = /:assumed-role\/[^/]+\/(.+)$/.exec(arn)?.[1];
  return session === undefined ? `AIDA${digest.slice(0, 17)}` : `AROA${digest.slice(0, 17)}:${session}`;
}

function compileOrThrow(
  where: string,
  doc: unknown,
  kind: 'resource' | 'identity',
  apiArn: string | undefined,
  code: string,
): CompiledPolicy {
  try {
    return compilePolicy(doc, apiArn === undefined ? { kind } : { kind, apiArn });
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    throw new GatewayConfigError(
      code,
      `${where}: not a valid IAM policy: ${error.message}`,
      'Fix the part named; statements need Effect, Action and Resource (resource policies also Principal).',
      { path: error.path },
    );
  }
}
