import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose';
import type { PipelineContext } from '../../pipeline/context.js';
import type { PipelineDeps } from '../../pipeline/deps.js';
import type { CredentialOutcome } from '../auth-outcome.js';
import type { CompiledJwtAuthorizer } from '../compiled-auth.js';
import type { GatewayAuth } from '../create-auth.js';
import { readIdentity } from '../identity-sources.js';
import { identityRequestOf } from '../request-facts.js';
import { cognitoClaims, jwtClaims, tokenScopes } from './claims.js';
import { KeySetError, keySetOf } from './key-sets.js';

// JWT authorizers accept RSA keys (2023 guide); Cognito signs with RS256.
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];

type Reject = Extract<CredentialOutcome, { kind: 'rejected' }>;

/**
 * An HTTP API JWT authorizer or a REST Cognito user-pool authorizer (behaviour.md §18.1, §18.2): the token from
 * the identity source (a `Bearer ` prefix is accepted), its signature against the issuer's key set (jose),
 * `iss`, the audience (`aud`, else `client_id`), `exp`/`nbf`/`iat` on the gateway clock with no leeway, and
 * the route's scopes. Cognito: no route scopes ⇒ an ID token is required, scopes ⇒ an access token holding one.
 */
export async function authorizeWithToken(
  ctx: PipelineContext,
  deps: PipelineDeps,
  auth: GatewayAuth,
  authorizer: CompiledJwtAuthorizer,
  scopes: readonly string[] | undefined,
  eventFormat: '1.0' | '2.0',
): Promise<CredentialOutcome> {
  const cognito = authorizer.type === 'COGNITO_USER_POOLS';
  const http = deps.config.apiType === 'HTTP';
  const reject = (description: string, reason = description): Reject =>
    http
      ? {
          kind: 'rejected',
          failure: 'UNAUTHORIZED',
          reason,
          headers: [
            [
              'www-authenticate',
              `Bearer scope="${(scopes ?? []).join(' ')}" error="invalid_token" error_description="${description}"`,
            ],
          ],
        }
      : { kind: 'rejected', failure: 'UNAUTHORIZED', reason };
  const value = readIdentity([authorizer.identity], identityRequestOf(ctx, deps), deps.config.apiType)?.[0];
  if (value === undefined)
    return {
      kind: 'rejected',
      failure: 'UNAUTHORIZED',
      reason: `identity source ${authorizer.identity.expression} is missing or empty`,
    };
  const token = /^bearer /i.test(value) ? value.slice(7).trim() : value;
  let header: ReturnType<typeof decodeProtectedHeader>;
  let issuer: string | undefined;
  try {
    header = decodeProtectedHeader(token);
    const [, body = ''] = token.split('.');
    issuer = (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as JWTPayload).iss;
  } catch {
    return reject('the token is malformed');
  }
  if (typeof issuer !== 'string' || !authorizer.issuers.includes(issuer)) {
    return reject(
      'the token does not have a valid issuer',
      `iss ${JSON.stringify(issuer)} is not ${authorizer.issuers.join(' or ')}`,
    );
  }
  if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg)) {
    return reject(
      'the token has an unsupported signing algorithm',
      `alg ${JSON.stringify(header.alg)}; API Gateway accepts ${ALGORITHMS.join(', ')}`,
    );
  }
  const env = { now: () => deps.config.clock.now(), fetch: deps.fetch };
  let payload: JWTPayload;
  try {
    payload = await verify(auth, env, token, issuer, cognito, deps.config.clock.now());
  } catch (error) {
    if (error instanceof KeySetError) {
      return {
        kind: 'rejected',
        failure: cognito ? 'AUTHORIZER_FAILURE' : 'UNAUTHORIZED',
        reason: `the key set of ${issuer} is unavailable: ${error.message}`,
      };
    }
    return reject(...describe(error));
  }
  const now = Math.floor(deps.config.clock.now() / 1000);
  if (typeof payload.iat === 'number' && payload.iat > now)
    return reject('the token was issued in the future', `iat ${payload.iat} is after now (${now})`);
  const granted = tokenScopes(payload);
  if (cognito) {
    const use = payload.token_use;
    if (scopes === undefined && use !== 'id')
      return reject(
        '',
        `token_use is ${JSON.stringify(use)}; a method without authorizationScopes takes a Cognito ID token`,
      );
    if (scopes !== undefined && use !== 'access')
      return reject(
        '',
        `token_use is ${JSON.stringify(use)}; a method with authorizationScopes takes a Cognito access token`,
      );
    if (authorizer.validation !== undefined && !authorizer.validation(String(payload.aud ?? ''))) {
      return reject('', `aud ${JSON.stringify(payload.aud)} does not match identityValidationExpression`);
    }
  } else {
    const aud = payload.aud;
    const audiences =
      aud === undefined
        ? typeof payload.client_id === 'string'
          ? [payload.client_id]
          : []
        : Array.isArray(aud)
          ? aud
          : [aud];
    if (!audiences.some((a) => authorizer.audience.includes(a))) {
      return reject(
        'the token does not have a valid audience',
        `aud/client_id ${JSON.stringify(aud ?? payload.client_id)} is not one of ${authorizer.audience.join(', ')}`,
      );
    }
  }
  if (scopes !== undefined && !scopes.some((s) => granted.includes(s))) {
    const reason = `the token's scopes [${granted.join(' ')}] include none of the route's [${scopes.join(' ')}]`;
    if (cognito) return { kind: 'rejected', failure: 'UNAUTHORIZED', reason };
    return {
      kind: 'rejected',
      failure: 'ACCESS_DENIED',
      reason,
      headers: [
        [
          'www-authenticate',
          `Bearer scope="${scopes.join(' ')}" error="insufficient_scope" error_description="expected scopes: ${scopes.join(' ')}"`,
        ],
      ],
    };
  }
  const subject = typeof payload.sub === 'string' ? payload.sub : 'the caller';
  if (cognito) {
    return {
      kind: 'authenticated',
      authorization: { authorizer: { claims: cognitoClaims(payload) } },
      note: `Cognito ${payload.token_use} token of ${subject}`,
    };
  }
  const claims = jwtClaims(payload);
  // `scopes` is null when the route declares none (live capture); otherwise the token's scopes (UNCONFIRMED).
  const jwt = { claims, scopes: scopes === undefined ? null : granted };
  return {
    kind: 'authenticated',
    authorization: { authorizer: eventFormat === '2.0' ? { jwt } : jwt },
    note: `JWT of ${subject} from ${issuer}`,
  };
}

async function verify(
  auth: GatewayAuth,
  env: { now(): number; fetch: typeof globalThis.fetch },
  token: string,
  issuer: string,
  cognito: boolean,
  now: number,
): Promise<JWTPayload> {
  const options = { algorithms: ALGORITHMS, currentDate: new Date(now) };
  try {
    return (await jwtVerify(token, await keySetOf(auth, env, issuer, cognito), options)).payload;
  } catch (error) {
    if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
    // An unknown kid: the issuer may have rotated its keys; fetch the set again (rate-limited).
    return (await jwtVerify(token, await keySetOf(auth, env, issuer, cognito, true), options)).payload;
  }
}

/** The `error_description` and the trace reason of a failed verification. */
function describe(error: unknown): [string, string] {
  const message = (error as Error).message;
  if (error instanceof errors.JWTExpired) return ['the token has expired', `exp is in the past (${message})`];
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')
    return ['the token is not valid yet', message];
  if (error instanceof errors.JWKSNoMatchingKey)
    return ["the token's kid is not in the issuer's key set", message];
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return ["the token's signature is invalid", message];
  return ['the token is invalid', message];
}
