import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import type { AccountInternals } from '../account/account-internals.js';
import { refuseStageSettings } from '../config/misplaced-options.js';
import { checkApiType, refuseMisusedOptions, resolveApiIdentity } from '../config/resolve-options.js';
import { createLogStreamNames } from '../integrations/lambda-context.js';
import { createMetrics, type Metrics } from '../observability/index.js';
import {
  createTokenBucket,
  DEFAULT_ACCOUNT_THROTTLE,
  type TokenBucket,
  validateThrottleLimit,
} from '../throttling/index.js';
import type { GatewayOptions } from '../types.js';
import { DEFINITION_KEYS, definitionOf } from './definition.js';
import { addStage, checkStageName, type LifecycleState } from './lifecycle-state.js';
import type { StageSettings } from './lifecycle-types.js';
import { rebuildStage } from './stage-state.js';

const STAGE_KEYS = ['name', 'variables', 'description', 'canarySettings', 'autoDeploy'];
const OWN = new Set<string>([
  ...DEFINITION_KEYS,
  'stage',
  'stages',
  'throttle',
  'cache',
  'accessLog',
  'functions',
  'account',
]);

/**
 * Sets up a gateway's lifecycle (docs/decisions/0007): the options' definition becomes the first deployment, served
 * by the stage of `stage` (with the top-level throttling, cache and access log) and by each of `stages`.
 */
export function createLifecycle(
  options: GatewayOptions,
  account: AccountInternals | undefined,
): LifecycleState {
  refuseMisusedOptions(options);
  const stageOption = (options.stage ?? {}) as Record<string, unknown>;
  if (typeof stageOption === 'object' && stageOption !== null) refuseStageSettings(stageOption);
  assertKnownOptions('createGateway: stage', stageOption, STAGE_KEYS);
  const environment: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) if (!OWN.has(key)) environment[key] = value;
  if (account) account.adopt(environment);
  const identity = resolveApiIdentity(environment);
  const apiType = checkApiType(options.apiType ?? 'REST');
  const { account: accountLimit, ...stageThrottle } = options.throttle ?? {};
  let accountBucket: TokenBucket;
  if (account) {
    if (accountLimit !== undefined) {
      throw new GatewayConfigError(
        'THROTTLE_ACCOUNT_SHARED',
        'createGateway: throttle.account is given while the gateway belongs to an account',
        'Set the account limits once, on createAccount({ throttle }); leave throttle.account out of each gateway.',
      );
    }
    accountBucket = account.bucket;
  } else {
    const limit =
      accountLimit === undefined
        ? DEFAULT_ACCOUNT_THROTTLE
        : validateThrottleLimit('createGateway: throttle.account', accountLimit);
    accountBucket = createTokenBucket(limit, identity.clock.now());
  }
  const primary = checkStageName(
    'createGateway: stage.name',
    stageOption.name ?? (apiType === 'HTTP' ? '$default' : 'dev'),
    apiType,
  );
  const metrics = createMetrics({ apiType });
  const state: LifecycleState = {
    environment: environment as unknown as GatewayOptions,
    functions: options.functions,
    deployments: new Map(),
    ids: undefined,
    hub: {},
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    logStreamName: () => '',
    accountBucket,
    usagePlans: undefined,
    metrics,
    canaryMetrics: canaryMetricsOf(metrics),
    apiType,
    clock: identity.clock,
    seed: (options.seed as string | number | undefined) ?? 'apigw-testkit',
    definition: definitionOf(options),
    stages: new Map(),
    primary,
    single: undefined,
    defaults: {
      throttle: Object.keys(stageThrottle).length > 0 ? stageThrottle : undefined,
      cache: options.cache,
      accessLogSettings: options.accessLog,
    },
    origin: `https://${identity.apiId}.execute-api.${identity.region}.amazonaws.com`,
    changed: () => {
      state.single = state.stages.size === 1 ? state.stages.values().next().value : undefined;
    },
  };
  const more = options.stages ?? {};
  if (typeof more !== 'object' || more === null || Array.isArray(more)) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_STAGE',
      'createGateway: stages must be an object of stage settings keyed by stage name',
      "Write stages: { prod: { variables: { alias: 'live' } } }.",
    );
  }
  // The first stage compiles the definition under a provisional deployment id; its runtime draws the real id (as
  // createGateway always did), which then names the deployment.
  const now = identity.clock.now();
  state.deployments.set('', {
    id: '',
    description: undefined,
    createdDate: now,
    definition: state.definition,
  });
  const first = addStage(state, primary, '', primarySettings(stageOption, more[primary]), 'createGateway');
  const id = first.main.config.deploymentId;
  state.deployments.delete('');
  state.deployments.set(id, { id, description: undefined, createdDate: now, definition: state.definition });
  first.deploymentId = id;
  first.main.config.deploymentId = id;
  state.logStreamName = createLogStreamNames(state.ids!);
  first.main.logStreamName = state.logStreamName;
  if (first.canary) {
    // The canary was built under the provisional id: build the stage again under the real one.
    if (first.canary.deploymentId === '') first.canary.deploymentId = id;
    first.caches.clear();
    rebuildStage(state, first);
  }
  for (const [name, settings] of Object.entries(more)) {
    if (name === primary) continue;
    const stageName = checkStageName('createGateway: stages', name, apiType);
    addStage(state, stageName, id, settings, `createGateway: stages.${name}`);
  }
  return state;
}

function primarySettings(stage: Record<string, unknown>, own: StageSettings | undefined): StageSettings {
  const settings: StageSettings = { ...own };
  if (stage.variables !== undefined) settings.variables = stage.variables as Record<string, string>;
  if (stage.description !== undefined) settings.description = stage.description as string;
  if (stage.canarySettings !== undefined)
    settings.canarySettings = stage.canarySettings as StageSettings['canarySettings'] & object;
  if (stage.autoDeploy !== undefined) settings.autoDeploy = stage.autoDeploy as boolean;
  return settings;
}

/** The gateway's metrics, with canary requests reported under the stage dimension `<stage>/Canary`. */
function canaryMetricsOf(metrics: Metrics): Metrics {
  return {
    record: (metric) => metrics.record({ ...metric, stage: `${metric.stage}/Canary` }),
    snapshot: () => metrics.snapshot(),
    reset: () => metrics.reset(),
  };
}
