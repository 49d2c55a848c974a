import { createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import type { JsonWebKeySet } from '../auth-options.js';
import type { GatewayAuth } from '../create-auth.js';

/** How long a fetched key set is reused (the newer REST JWT page says at most an hour; HTTP APIs UNCONFIRMED). */
export const JWKS_CACHE_MS = 3_600_000;
/** An unknown `kid` re-fetches the key set, at most this often per issuer. */
export const JWKS_REFETCH_MS = 60_000;

interface CachedKeys {
  getKey: JWTVerifyGetKey;
  fetchedAt: number;
  local: boolean;
}

/** Why a key set could not be had. */
export class KeySetError extends Error {}

/** What the key store needs from its gateway. */
export interface KeySetEnv {
  now(): number;
  fetch: typeof globalThis.fetch;
}

function store(auth: GatewayAuth): Map<string, CachedKeys> {
  let map = auth.engines.get('jwks') as Map<string, CachedKeys> | undefined;
  if (map === undefined) {
    map = new Map();
    auth.engines.set('jwks', map);
  }
  return map;
}

/**
 * The key set of an issuer: registered in process (`identityProviders`), or fetched with the gateway's `fetch`
 * — a JWT authorizer's issuer through `{issuer}/.well-known/openid-configuration` and its `jwks_uri`, a Cognito
 * user pool's at `{issuer}/.well-known/jwks.json` — and kept for an hour on the gateway clock.
 * `refresh` asks for a new fetch (an unknown `kid`), honoured at most once a minute.
 */
export async function keySetOf(
  auth: GatewayAuth,
  env: KeySetEnv,
  issuer: string,
  cognito: boolean,
  refresh = false,
): Promise<JWTVerifyGetKey> {
  const cache = store(auth);
  const cached = cache.get(issuer);
  const now = env.now();
  if (cached !== undefined) {
    const fresh = cached.local || now - cached.fetchedAt < JWKS_CACHE_MS;
    if (fresh && !(refresh && !cached.local && now - cached.fetchedAt >= JWKS_REFETCH_MS))
      return cached.getKey;
  }
  const registered = auth.issuers.get(issuer);
  if (registered !== undefined) {
    const entry = { getKey: createLocalJWKSet(registered as never), fetchedAt: now, local: true };
    cache.set(issuer, entry);
    return entry.getKey;
  }
  const jwksUri = cognito ? `${issuer}/.well-known/jwks.json` : await discover(env, issuer);
  const jwks = (await getJson(env, jwksUri)) as JsonWebKeySet;
  if (!Array.isArray(jwks?.keys))
    throw new KeySetError(`${jwksUri} did not return a key set ({ "keys": [...] })`);
  const entry = { getKey: createLocalJWKSet(jwks as never), fetchedAt: now, local: false };
  cache.set(issuer, entry);
  return entry.getKey;
}

async function discover(env: KeySetEnv, issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const config = (await getJson(env, url)) as { jwks_uri?: unknown };
  if (typeof config?.jwks_uri !== 'string') throw new KeySetError(`${url} has no jwks_uri`);
  return config.jwks_uri;
}

async function getJson(env: KeySetEnv, url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await env.fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new KeySetError(`fetching ${url} failed: ${(error as Error).message}`);
  }
  if (!response.ok) throw new KeySetError(`${url} answered ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new KeySetError(`${url} did not return JSON`);
  }
}
