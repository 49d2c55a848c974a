// Shared by the definitions tests: an echo handler per function, allowing authorizers, a backend double, and the
// runnable subset of an import.
import type { LambdaHandler } from '../../src/gateway/index.js';
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';

/**
 * A Lambda handler that answers with what it saw, labelled `name`. Behind a non-proxy (`AWS`) integration its event is
 * what the request template rendered (no `requestContext`), and the whole result is the integration's body.
 */
export function echo(name: string, calls?: string[]): LambdaHandler {
  return async (event, context) => {
    calls?.push(`${name} ${event.requestContext?.routeKey ?? event.routeKey ?? event.resource}`);
    return {
      statusCode: 200,
      body: JSON.stringify({
        handler: name,
        resource: event.resource ?? event.routeKey,
        method: event.httpMethod ?? event.requestContext?.http?.method,
        functionName: context.functionName,
        invokedFunctionArn: context.invokedFunctionArn,
      }),
    };
  };
}

/**
 * A Lambda authorizer that allows every request: an IAM policy (REST, HTTP API 1.0 and 2.0 without simple
 * responses) or `{ isAuthorized: true }` (`simple`), with a context naming it; `usageIdentifierKey` feeds
 * `apiKeySource: 'AUTHORIZER'`.
 */
export function allow(name: string, kind: 'policy' | 'simple', usageIdentifierKey?: string): LambdaHandler {
  return (async () => {
    if (kind === 'simple') return { isAuthorized: true, context: { authorizer: name } };
    return {
      principalId: 'fixture-user',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: '*' }],
      },
      context: { authorizer: name },
      ...(usageIdentifierKey === undefined ? {} : { usageIdentifierKey }),
    };
  }) as unknown as LambdaHandler;
}

/** The backend of HTTP and HTTP_PROXY integrations: answers what it was asked (`fetch` option of the gateway). */
export const backend: typeof fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  return Response.json({ backend: request.url, method: request.method });
};

/** Why `createGateway` refuses one route of `options` (with the API's options), or undefined. */
export function refusal(options: GatewayOptions, routeKey: string): string | undefined {
  const route = (options.routes as unknown as Record<string, Record<string, unknown>>)[routeKey]!;
  const api: Record<string, unknown> = { ...options, routes: { [routeKey]: route } };
  try {
    createGateway(api as unknown as GatewayOptions);
    return undefined;
  } catch (error) {
    const e = error as { code: string; details: { option?: string; type?: string } };
    return `${e.code} ${e.details.option ?? e.details.type ?? ''}`.trim();
  }
}

/** A concrete request path for a route key's resource: `{id}` → `id-1`, `{proxy+}` → `a/b`. */
export function samplePath(resource: string): string {
  return resource.replace(/\{[^}]+\+\}/g, 'a/b').replace(/\{([^}]+)\}/g, '$1-1');
}
