import type { GatewayAuth } from './create-auth.js';

/** The engines that need a heavy library, loaded on first use (jose, @smithy/signature-v4). */
export interface Engines {
  jwt: typeof import('./jwt/authorize-token.js');
  iam: typeof import('./sigv4/authenticate-iam.js');
}

/**
 * Loads an engine once per gateway. jose and @smithy/signature-v4 are imported only when a JWT/Cognito
 * authorizer or an AWS_IAM route is first used, so a gateway without them never loads them.
 */
export async function loadEngine<K extends keyof Engines>(auth: GatewayAuth, name: K): Promise<Engines[K]> {
  const loaded = auth.engines.get(name) as Engines[K] | undefined;
  if (loaded !== undefined) return loaded;
  const engine = (
    name === 'jwt' ? await import('./jwt/authorize-token.js') : await import('./sigv4/authenticate-iam.js')
  ) as Engines[K];
  auth.engines.set(name, engine);
  return engine;
}
