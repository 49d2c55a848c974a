import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { PolicyDocument } from 'aws-lambda';
import { type Clock, systemClock } from '../clock/clock.js';
import { assertKnownOptions, InvalidInputError } from '../errors/families.js';
import type { IamCredentials, JsonWebKeySet } from '../gateway/auth/auth-options.js';
import { createIdSource } from '../ids/ids.js';
import { type TestTokenOptions, tokenClaims } from './test-token-claims.js';

/** Options of {@link createTestIdentityProvider}. */
export interface TestIdentityProviderOptions {
  /** A plain OIDC issuer URL. Default: a Cognito user pool's issuer (`https://cognito-idp.{region}.amazonaws.com/{userPoolId}`). */
  issuer?: string;
  /** Default `us-east-1_TestPool1`. */
  userPoolId?: string;
  /** Default `us-east-1`. */
  region?: string;
  /** Owner of the user pool and default account of IAM users. Default `123456789012`. */
  accountId?: string;
  /** The app client id: ID tokens' `aud`, access tokens' `client_id`. Default `testclient0001`. */
  clientId?: string;
  /** Time for `iat`/`exp`. Default `systemClock`; pass the gateway's manual clock to move them together. */
  clock?: Clock;
  /** Seed of subjects, token ids and IAM keys. */
  seed?: string;
}

/** Options of {@link TestIdentityProvider.iamUser}. */
export interface TestIamUserOptions {
  /** Identity-based policy. Default: allow `execute-api:Invoke` on everything. */
  policy?: PolicyDocument | string;
  /** Default the provider's account. */
  accountId?: string;
  /** A role session (`arn:aws:sts::…:assumed-role/{name}/session`) with a session token instead of a user. */
  role?: boolean;
  /** Epoch ms at which temporary credentials expire (implies a session token). */
  expiration?: number;
}

/** A key set, tokens and IAM users for tests; pass it in `createGateway({ identityProviders: [idp] })`. */
export interface TestIdentityProvider {
  readonly issuer: string;
  /** `arn:aws:cognito-idp:{region}:{account}:userpool/{userPoolId}` (for `providerARNs`). */
  readonly userPoolArn: string;
  readonly clientId: string;
  /** The public key set (`{ keys: [...] }`) tokens verify against. */
  readonly jwks: JsonWebKeySet;
  /** IAM credentials created with {@link iamUser}; the gateway accepts their SigV4 signatures. */
  readonly credentials: IamCredentials[];
  /** Signs a token (RS256). Options make the rejections: `expired`, `audience`, `issuer`, `scopes`, `untrustedKey`. */
  token(options?: TestTokenOptions): Promise<string>;
  /** Creates (and registers) IAM credentials of a user or role session. */
  iamUser(name: string, options?: TestIamUserOptions): IamCredentials;
  /** A `fetch` answering this issuer's `/.well-known/openid-configuration` and key-set URLs (404 otherwise). */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
}

const KNOWN = ['issuer', 'userPoolId', 'region', 'accountId', 'clientId', 'clock', 'seed'];

/**
 * Creates an identity provider for tests: an RSA key pair and its JWKS, Cognito-shaped (default) or plain OIDC
 * tokens signed with jose, and IAM users whose SigV4 signatures the gateway verifies. Every rejection is one
 * option away: `token({ expired: true })`, `token({ audience: 'other-app' })`, `token({ issuer: 'https://evil.example' })`,
 * `token({ use: 'access', scopes: [] })`, `token({ untrustedKey: true })`.
 *
 * @example
 * ```ts
 * import { createTestIdentityProvider } from 'apigw-testkit/auth';
 * const idp = createTestIdentityProvider();
 * const gateway = createGateway({
 *   apiType: 'HTTP',
 *   identityProviders: [idp],
 *   authorizers: { Jwt: { type: 'JWT', jwtConfiguration: { issuer: idp.issuer, audience: [idp.clientId] } } },
 *   routes: { 'GET /me': { integration: { type: 'AWS_PROXY', handler }, authorizer: 'Jwt' } },
 * });
 * await gateway.fetch(gateway.url('/me'), { headers: { authorization: `Bearer ${await idp.token()}` } });
 * ```
 */
export function createTestIdentityProvider(options: TestIdentityProviderOptions = {}): TestIdentityProvider {
  assertKnownOptions('createTestIdentityProvider', options, KNOWN);
  const region = options.region ?? 'us-east-1';
  const userPoolId = options.userPoolId ?? `${region}_TestPool1`;
  const accountId = options.accountId ?? '123456789012';
  if (!/^\d{12}$/.test(accountId)) throw invalid('accountId', accountId, '12 digits');
  const issuer = options.issuer ?? `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  if (!/^https:\/\/[^/\s]+/.test(issuer)) throw invalid('issuer', issuer, 'an https URL');
  const cognito = options.issuer === undefined;
  const clientId = options.clientId ?? 'testclient0001';
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? 'apigw-testkit-idp';
  const ids = createIdSource({ seed });
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `test-${createHash('sha256').update(seed).digest('hex').slice(0, 12)}`;
  const jwk = {
    ...(key.publicKey.export({ format: 'jwk' }) as Record<string, unknown>),
    kid,
    alg: 'RS256',
    use: 'sig',
  };
  let untrusted: KeyObject | undefined;
  const credentials: IamCredentials[] = [];
  const jwksPath = '/.well-known/jwks.json';
  const jwks: JsonWebKeySet = { keys: [jwk] };
  return {
    issuer,
    userPoolArn: `arn:aws:cognito-idp:${region}:${accountId}:userpool/${userPoolId}`,
    clientId,
    jwks,
    credentials,
    async token(tokenOptions = {}) {
      const claims = tokenClaims(tokenOptions, { issuer, clientId, cognito, now: clock.now(), ids });
      if (tokenOptions.untrustedKey && untrusted === undefined) {
        untrusted = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      }
      const signingKey = tokenOptions.untrustedKey ? untrusted! : key.privateKey;
      // Cognito tokens carry no `typ`; plain OIDC providers usually say JWT.
      const header = cognito ? { alg: 'RS256', kid } : { alg: 'RS256', kid, typ: 'JWT' };
      // jose is loaded by the first token, not by importing apigw-testkit/auth (~100 ms a test file).
      const { SignJWT } = await import('jose');
      return new SignJWT(claims).setProtectedHeader(header).sign(signingKey);
    },
    iamUser(name, userOptions = {}) {
      assertKnownOptions('TestIdentityProvider.iamUser', userOptions, [
        'policy',
        'accountId',
        'role',
        'expiration',
      ]);
      const account = userOptions.accountId ?? accountId;
      const digest = createHash('sha256').update(`${seed}/${account}/${name}`).digest();
      const temporary = userOptions.role === true || userOptions.expiration !== undefined;
      const accessKeyId = `${temporary ? 'ASIA' : 'AKIA'}${base32(digest).slice(0, 16)}`;
      const created: IamCredentials = {
        accessKeyId,
        secretAccessKey: digest.toString('base64').slice(0, 40),
        userArn: userOptions.role
          ? `arn:aws:sts::${account}:assumed-role/${name}/session`
          : `arn:aws:iam::${account}:user/${name}`,
      };
      if (temporary) created.sessionToken = `IQoJb3JpZ2luX2VjE${digest.toString('base64url')}`;
      if (userOptions.expiration !== undefined) created.expiration = userOptions.expiration;
      if (userOptions.policy !== undefined) created.policy = userOptions.policy;
      credentials.push(created);
      return created;
    },
    async fetch(input) {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      const base = issuer.replace(/\/$/, '');
      if (url.href === `${base}/.well-known/openid-configuration`) {
        return Response.json({
          issuer,
          jwks_uri: `${base}${jwksPath}`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (url.href === `${base}${jwksPath}`) return Response.json(jwks);
      return new Response('Not Found', { status: 404 });
    },
  };
}

function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  for (const byte of bytes) out += alphabet[byte % 32];
  return out;
}

function invalid(name: string, value: unknown, expected: string): InvalidInputError {
  return new InvalidInputError(
    'INVALID_OPTION_VALUE',
    `createTestIdentityProvider: ${name} ${JSON.stringify(value)} is not valid`,
    `Use ${expected}.`,
  );
}
