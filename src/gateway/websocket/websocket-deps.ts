import { assertKnownOptions } from '../../errors/families.js';
import { createLogStreamNames } from '../integrations/lambda-context.js';
import {
  type CompiledAccessLogFormat,
  compileAccessLogFormat,
  createWebSocketMetrics,
  type WebSocketMetrics,
} from '../observability/index.js';
import {
  createThrottler,
  createTokenBucket,
  type ThrottleLimit,
  type Throttler,
  type TokenBucket,
  validateThrottleLimit,
} from '../throttling/index.js';
import { createUsagePlans, type UsagePlans } from '../usage-plans/index.js';
import type { Connection } from './connection.js';
import { resolveWebSocketAuth, type WebSocketAuth } from './resolve-websocket-auth.js';
import type { ResolvedWebSocketApi } from './resolve-websocket-options.js';
import { DEFAULT_CONNECTION_RATE } from './websocket-limits.js';
import type { WebSocketGatewayOptions } from './websocket-types.js';

/** Settings, policy engines and state of one WebSocket API. */
export interface WebSocketDeps {
  config: ResolvedWebSocketApi;
  throttler: Throttler;
  /** New connections per second (quota 500). */
  connectionRate: TokenBucket;
  usagePlans: UsagePlans | undefined;
  /** The `$connect` authorization; `undefined` when `$connect` has none (no cost on connect). */
  auth: WebSocketAuth | undefined;
  metrics: WebSocketMetrics;
  accessLogFormat: CompiledAccessLogFormat | undefined;
  accessLog: string[];
  /** Connections by id, from the start of `$connect` until closed. */
  connections: Map<string, Connection>;
  /** Work still running (`$disconnect` integrations, messages): `gateway.close()` waits for it. */
  pending: Set<Promise<unknown>>;
  logStreamName(functionName: string, start: number, version?: string): string;
}

const THROTTLE_KEYS = ['account', 'stage', 'stageScope', 'methods', 'connections'] as const;

/** Creates the policy engines of a WebSocket API from its options, each on the gateway's clock. */
export function createWebSocketDeps(
  options: WebSocketGatewayOptions,
  config: ResolvedWebSocketApi,
  accountBucket?: TokenBucket,
): WebSocketDeps {
  const { clock } = config;
  const throttle = options.throttle ?? {};
  assertKnownOptions('createGateway: throttle', throttle, THROTTLE_KEYS);
  const methods: Record<string, ThrottleLimit> = { ...throttle.methods };
  for (const route of config.routes.values()) {
    if (route.throttle !== undefined) methods[route.routeKey] = route.throttle;
  }
  const { connections: connectionLimit, ...limits } = throttle;
  const throttler = createThrottler({
    ...limits,
    clock,
    methods,
    opaqueRouteKeys: true,
    ...(accountBucket ? { accountBucket } : {}),
  });
  const connectionRate = createTokenBucket(
    connectionLimit === undefined
      ? DEFAULT_CONNECTION_RATE
      : validateThrottleLimit('createGateway: throttle.connections', connectionLimit),
    clock.now(),
  );
  const usagePlans =
    options.apiKeys !== undefined || options.usagePlans !== undefined || config.apiKeySource !== undefined
      ? createUsagePlans({
          clock,
          apiKeys: options.apiKeys ?? [],
          usagePlans: options.usagePlans ?? [],
          apiId: config.apiId,
        })
      : undefined;
  let accessLogFormat: CompiledAccessLogFormat | undefined;
  if (options.accessLog !== undefined) {
    assertKnownOptions('createGateway: accessLog', options.accessLog, ['format']);
    accessLogFormat = compileAccessLogFormat(options.accessLog.format, 'WEBSOCKET');
  }
  return {
    config,
    throttler,
    connectionRate,
    usagePlans,
    auth: resolveWebSocketAuth(options, config.routes.get('$connect'), config),
    metrics: createWebSocketMetrics(),
    accessLogFormat,
    accessLog: [],
    connections: new Map(),
    pending: new Set(),
    logStreamName: createLogStreamNames(config.ids),
  };
}

/** Tracks `work` until it settles, so `gateway.close()` can wait for it. */
export function track<T>(deps: WebSocketDeps, work: Promise<T>): Promise<T> {
  deps.pending.add(work);
  const done = (): void => {
    deps.pending.delete(work);
  };
  work.then(done, done);
  return work;
}
