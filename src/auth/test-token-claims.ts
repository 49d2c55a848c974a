import type { IdSource } from '../ids/ids.js';

/** Options of `TestIdentityProvider.token()`. */
export interface TestTokenOptions {
  /** Cognito `token_use`: `id` (default; has `aud`) or `access` (has `client_id` and `scope`, no `aud`). */
  use?: 'id' | 'access';
  /** Scopes of an access token (`scope`, space-separated). Default `[]`. */
  scopes?: readonly string[];
  /** `aud` (ID tokens); default the provider's client id. A different value makes a wrong-audience token. */
  audience?: string | readonly string[];
  /** `iss`; default the provider's issuer. A different value makes a wrong-issuer token. */
  issuer?: string;
  /** `sub`. Default a stable UUID. */
  subject?: string;
  /** Seconds until `exp`. Default 3600. */
  expiresIn?: number;
  /** `exp` one minute in the past. */
  expired?: boolean;
  /** `nbf` this many seconds in the future: a token not valid yet. */
  notBeforeIn?: number;
  /** Signed with a key that is not in the provider's key set (a bad signature). */
  untrustedKey?: boolean;
  /** Extra or overriding claims (`email`, `cognito:groups`, …); `undefined` removes one. */
  claims?: Readonly<Record<string, unknown>>;
}

/** The claims of a test token, Cognito-shaped or plain OIDC. Internal. */
export function tokenClaims(
  options: TestTokenOptions,
  provider: { issuer: string; clientId: string; cognito: boolean; now: number; ids: IdSource },
): Record<string, unknown> {
  const now = Math.floor(provider.now / 1000);
  const use = options.use ?? 'id';
  const exp = options.expired ? now - 60 : now + (options.expiresIn ?? 3600);
  const iat = options.expired ? Math.min(now - 3660, exp - 3600) : now;
  const sub = options.subject ?? provider.ids.uuid();
  const claims: Record<string, unknown> = { sub, iss: options.issuer ?? provider.issuer };
  const audience = options.audience ?? provider.clientId;
  if (provider.cognito) {
    if (use === 'id') {
      claims.aud = audience;
      claims['cognito:username'] = sub;
      claims.email_verified = true;
      claims.token_use = 'id';
    } else {
      claims.client_id = options.audience === undefined ? provider.clientId : audience;
      claims.token_use = 'access';
      claims.scope = (options.scopes ?? []).join(' ');
      claims.username = sub;
    }
    claims.origin_jti = provider.ids.uuid();
    claims.event_id = provider.ids.uuid();
    claims.auth_time = iat;
  } else {
    claims.aud = audience;
    if (options.scopes !== undefined) claims.scope = options.scopes.join(' ');
  }
  claims.exp = exp;
  claims.iat = iat;
  if (options.notBeforeIn !== undefined) claims.nbf = now + options.notBeforeIn;
  claims.jti = provider.ids.uuid();
  for (const [key, value] of Object.entries(options.claims ?? {})) {
    if (value === undefined) delete claims[key];
    else claims[key] = value;
  }
  return claims;
}
