import { GatewayConfigError } from '../../errors/families.js';
import { LAMBDA_KEYS, MOCK_KEYS } from './resolve-integration.js';

/** Options of a Lambda proxy or MOCK integration: written on the route itself, they belong in `integration`. */
const INTEGRATION_OPTIONS: readonly string[] = [...new Set<string>([...LAMBDA_KEYS, ...MOCK_KEYS])].filter(
  // A route has method request parameters of its own.
  (key) => key !== 'requestParameters',
);

/**
 * AWS stage settings (`CreateStage` of REST and HTTP APIs) the simulator takes somewhere else: the stage holds only
 * its name and variables; cache, throttling and access logs are options of their own.
 */
const STAGE_SETTINGS: Readonly<Record<string, string>> = {
  stageName: "Write stage: { name: 'prod' }.",
  stageVariables: "Write stage: { variables: { table: 'pets' } }.",
  cacheClusterEnabled: 'The stage cache is createGateway({ cache: { ttlInSeconds, cacheClusterSize } }).',
  cacheClusterSize: 'The stage cache is createGateway({ cache: { ttlInSeconds, cacheClusterSize } }).',
  methodSettings:
    'Method throttling and caching are set per route (routes[key].throttle, routes[key].caching), stage-wide ones with createGateway({ throttle: { stage }, cache }).',
  defaultRouteSettings:
    'Stage throttling is createGateway({ throttle: { stage: { rateLimit, burstLimit } } }).',
  routeSettings: 'Route throttling is routes[key].throttle.',
  accessLogSettings: "Access logging is createGateway({ accessLog: { format: '$context.requestId …' } }).",
};

/**
 * Throws `GATEWAY_MISPLACED_OPTION` when a route object carries an option of its integration (`{ handler }`,
 * `{ type: 'MOCK' }`, `{ timeoutInMillis }`): the message shows where it goes.
 */
export function refuseIntegrationOptionOnRoute(where: string, route: object): void {
  const misplaced = Object.keys(route).filter((key) => INTEGRATION_OPTIONS.includes(key));
  if (misplaced.length === 0) return;
  const others = misplaced.filter((key) => key !== 'type' && key !== 'handler');
  const inner = misplaced.includes('type')
    ? ['type', ...misplaced.filter((key) => key !== 'type')]
    : ["type: 'AWS_PROXY'", 'handler', ...others];
  const direct = misplaced.includes('handler') && others.length === 0 && !misplaced.includes('type');
  throw new GatewayConfigError(
    'GATEWAY_MISPLACED_OPTION',
    `${where}: ${misplaced.map((key) => `"${key}"`).join(', ')} ${misplaced.length === 1 ? 'belongs' : 'belong'} to the route's integration, not to the route`,
    `Write { integration: { ${inner.join(', ')} } }${direct ? ', or give the handler function itself as the route' : ''}.`,
    { options: misplaced },
  );
}

/**
 * Throws `GATEWAY_MISPLACED_OPTION` for an AWS stage setting written in `stage` that the simulator configures
 * elsewhere (`cacheClusterEnabled`, `methodSettings`, `accessLogSettings`, …), saying where.
 */
export function refuseStageSettings(stage: object): void {
  for (const key of Object.keys(stage)) {
    const hint = STAGE_SETTINGS[key];
    if (hint) {
      throw new GatewayConfigError(
        'GATEWAY_MISPLACED_OPTION',
        `createGateway: stage.${key} is an AWS stage setting that the simulator takes elsewhere`,
        hint,
        { options: [key] },
      );
    }
  }
}

/** Names users reach for on the API that AWS (and the simulator) spell differently. */
const API_OPTIONS: Readonly<Record<string, string>> = {
  cors: "HTTP APIs: corsConfiguration: { allowOrigins: ['https://app.example'] }. REST APIs have no CORS switch: enableCors(routes) adds the OPTIONS MOCK the console writes (docs/cors.md).",
  resourcePolicy:
    'The REST resource policy is createGateway({ policy: { Version, Statement } }) (docs/authorization.md).',
  authorizerId: "Routes name an authorizer with authorizer: 'Name', a key of createGateway({ authorizers }).",
  canary:
    "A canary is a stage setting: stage: { canarySettings: { percentTraffic, stageVariableOverrides } }, or gateway.deploy({ stage: 'prod', canarySettings }) for a new deployment (docs/stages.md).",
  canarySettings:
    'canarySettings belongs to a stage: stage: { canarySettings } or stages: { prod: { canarySettings } } (docs/stages.md).',
  deployments:
    "Deployments are made with gateway.deploy({ stage: 'prod', description }); gateway.deployments() lists them (docs/stages.md).",
};

/**
 * Throws `GATEWAY_MISPLACED_OPTION` for an option of the API under a name it does not have here (`cors`,
 * `resourcePolicy`), saying which option to use.
 */
export function refuseMisplacedApiOptions(options: object): void {
  for (const key of Object.keys(options)) {
    const hint = API_OPTIONS[key];
    if (hint) {
      throw new GatewayConfigError(
        'GATEWAY_MISPLACED_OPTION',
        `createGateway: "${key}" is not an option of the gateway under that name`,
        hint,
        { options: [key] },
      );
    }
  }
}
