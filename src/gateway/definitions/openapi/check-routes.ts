import { DefinitionError, GatewayConfigError } from '../../../errors/families.js';
import { createHttpRouter } from '../../routing/http-router.js';
import { createRestRouter } from '../../routing/rest-router.js';
import { type ParsedRouteKey, parseRouteKey } from '../../routing/route-key.js';
import type { ApiType } from '../../types.js';
import type { ModelRoute } from '../model.js';

/**
 * Checks the routes with the gateway's own router, so a conflict AWS would refuse (`{id}` beside `{petId}`, the
 * same method twice, a greedy segment not last) fails the import naming the file and the operation's pointer.
 */
export function checkRoutes(routes: readonly ModelRoute[], apiType: ApiType, file: string): void {
  const pairs: [ParsedRouteKey, ModelRoute][] = [];
  let current: ModelRoute | undefined;
  try {
    for (const route of routes) {
      current = route;
      pairs.push([parseRouteKey(route.routeKey, apiType), route]);
    }
    current = undefined;
    if (apiType === 'REST') createRestRouter(pairs);
    else createHttpRouter(pairs);
  } catch (error) {
    if (!(error instanceof GatewayConfigError)) throw error;
    const key = error.details.routeKey;
    const route = current ?? [...routes].reverse().find((r) => r.routeKey === key) ?? routes[0];
    const pointer = route?.pointer ?? '/paths';
    throw new DefinitionError(
      'DEFINITION_ROUTE_CONFLICT',
      `${file}#${pointer}: ${error.message.replace(/^createGateway: /, '')}`,
      'Rename the path parameter to match its sibling, or remove the duplicate operation (AWS refuses the import).',
      { file, pointer, cause: error.code },
    );
  }
}
