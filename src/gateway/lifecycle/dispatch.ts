import { GatewayConfigError } from '../../errors/families.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import type { GatewayRequest } from '../pipeline/gateway-request.js';
import type { LifecycleState } from './lifecycle-state.js';
import type { GatewayRequestOptions } from './lifecycle-types.js';
import type { StageState } from './stage-state.js';

/**
 * Picks the runtime that serves a request: the stage named by the path (REST: the first segment; HTTP APIs: a named
 * stage, else `$default`, behaviour.md §8.1) or by the base path mapping, then — on a stage with a canary — the
 * canary with probability `percentTraffic / 100`, drawn from the stage's seeded source (or as the request forces
 * it). A gateway with one stage and no canary pays one field check. A request naming no stage goes to the first
 * stage, whose pipeline answers it as AWS does (REST 403, HTTP API 404).
 */
export function createDispatcher(
  state: LifecycleState,
): (request: GatewayRequest, options?: GatewayRequestOptions) => PipelineDeps {
  return (request, options) => {
    const stage = state.single ?? stageFor(state, request) ?? fallback(state);
    const canary = stage.canaryDeps;
    if (canary === undefined) {
      if (options?.canary === true) {
        throw new GatewayConfigError(
          'GATEWAY_NO_CANARY',
          `gateway.fetch: the request is forced to the canary of stage ${stage.name}, which has none`,
          'Create the canary first (gateway.deploy({ stage, canarySettings })), or leave the canary option out.',
          { stage: stage.name },
        );
      }
      return stage.main;
    }
    const forced = options?.canary;
    const toCanary = forced ?? stage.split.float() * 100 < stage.canary!.percentTraffic;
    return toCanary ? canary : stage.main;
  };
}

function stageFor(state: LifecycleState, request: GatewayRequest): StageState | undefined {
  const mapping = request.mapping;
  let path = request.pathname;
  if (mapping !== undefined) {
    if (mapping.stage !== undefined) return state.stages.get(mapping.stage);
    path = path.slice(mapping.prefix.length);
  }
  let start = 0;
  while (start < path.length && path.charCodeAt(start) === 47) start++;
  const end = path.indexOf('/', start);
  const segment = path.slice(start, end === -1 ? path.length : end);
  const named = state.stages.get(segment);
  if (named !== undefined && named.name !== '$default') return named;
  return state.apiType === 'HTTP' ? state.stages.get('$default') : undefined;
}

function fallback(state: LifecycleState): StageState {
  const stage = state.stages.get(state.primary) ?? state.stages.values().next().value;
  if (stage === undefined) {
    throw new GatewayConfigError(
      'GATEWAY_NO_STAGES',
      'gateway.fetch: the API has no stage left to serve requests',
      'Create one: gateway.createStage({ stageName, deploymentId }) or gateway.deploy({ stage }).',
    );
  }
  return stage;
}
