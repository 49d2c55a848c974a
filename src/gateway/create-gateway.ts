import { GatewayConfigError } from '../errors/families.js';
import { createIdSource } from '../ids/ids.js';
import { internalsOf } from './account/account-internals.js';
import { addCloudFrontHeaders } from './domains/cloudfront-headers.js';
import { createLifecycle } from './lifecycle/create-lifecycle.js';
import { stageNamed } from './lifecycle/deploy.js';
import { createDispatcher } from './lifecycle/dispatch.js';
import { type GatewayLifecycle, lifecycleMethods } from './lifecycle/lifecycle-api.js';
import type { GatewayRequestOptions } from './lifecycle/lifecycle-types.js';
import type { MetricsSnapshot } from './observability/index.js';
import { type GatewayFetchInput, type GatewayRequest, toGatewayRequest } from './pipeline/gateway-request.js';
import { createRequestProgress, type RequestProgress } from './pipeline/request-progress.js';
import { type PipelineOutcome, runPipeline } from './pipeline/run-pipeline.js';
import type {
  AuthorizerTypes,
  CreatedGateway,
  CreateGatewayOptions,
  NoAuthorizers,
  RoutesFor,
} from './route-types.js';
import type { GatewayTrace } from './trace.js';
import type { ApiType, GatewayOptions } from './types.js';
import type { UsageOptions, UsageReport } from './usage-plans/index.js';
import { countRequestForPretenuring } from './v8-pretenuring.js';
import { createWebSocketGateway, type WebSocketGateway } from './websocket/create-websocket-gateway.js';
import type { WebSocketGatewayOptions } from './websocket/websocket-types.js';

/** A response with the story of how the gateway produced it; `trace.event` has the type of the routes' events. */
export interface HandledRequest<TEvent = unknown> {
  response: Response;
  trace: GatewayTrace<TEvent>;
}

/** Settings of a created gateway, defaults filled in. */
export interface GatewayInfo {
  apiType: ApiType;
  stage: string;
  apiId: string;
  region: string;
  accountId: string;
  /** `https://{apiId}.execute-api.{region}.amazonaws.com[/{stage}]`: the API's invoke URL. */
  baseUrl: string;
  /** Route keys in the order they were given. */
  routes: readonly string[];
}

/**
 * The gateway's API keys at run time, like `UpdateApiKey` with `enabled`: a disabled key is refused with 403
 * `{"message":"Forbidden"}` on `apiKeyRequired` routes until it is enabled again. Effective from the next request.
 *
 * @example
 * ```ts
 * gateway.apiKeys.disable('key1'); // requests with its value now get 403
 * gateway.apiKeys.enable('key1');
 * ```
 */
export interface GatewayApiKeys {
  /** Enables the key with this id (from `apiKeys`). */
  enable(keyId: string): void;
  /** Disables the key with this id (from `apiKeys`). */
  disable(keyId: string): void;
}

/**
 * An in-process API Gateway. `TEvent` is the type of the events its routes' functions receive (`trace.event`):
 * `createGateway` infers it from the options.
 */
export interface Gateway<TEvent = unknown> extends GatewayLifecycle {
  /**
   * Serves a request like the real API would; any host is accepted. Relative URLs use the invoke URL's host. The path
   * names the stage; `requestOptions.canary` forces a stage's canary on or off for this request.
   */
  fetch(
    input: GatewayFetchInput,
    init?: RequestInit,
    requestOptions?: GatewayRequestOptions,
  ): Promise<Response>;
  /**
   * Resolves when the next request is waiting for time — its Lambda handler runs with the integration and function
   * timeouts armed — or was answered. Await it after starting a request over a socket (supertest, a real client)
   * and before moving fake timers or a manual clock, so time moves after the request reached the gateway.
   *
   * @example
   * ```ts
   * const answer = request(gateway).get('/dev/slow').then((res) => res);
   * await gateway.nextRequest(); // { state: 'waiting' }: the handler runs, its 29 s timeout is armed
   * await clock.advanceAsync(29_000);
   * (await answer).status; // 504
   * ```
   */
  nextRequest(): Promise<RequestProgress>;
  /** Like `fetch`, and also returns the trace: every stage's decision, the event, the handler's result. */
  handle(
    input: GatewayFetchInput,
    init?: RequestInit,
    requestOptions?: GatewayRequestOptions,
  ): Promise<HandledRequest<TEvent>>;
  /** Consumption of an API key (REST usage plans), like `GetUsage`. */
  usage(keyId: string, options?: UsageOptions): UsageReport;
  /** Disables and re-enables API keys at run time (REST APIs with `apiKeys`). */
  readonly apiKeys: GatewayApiKeys;
  /** Drops every cached response of the stage, or of every stage (`FlushStageCache`). */
  flushCache(stage?: string): void;
  /**
   * Drops every cached authorizer result of the stage, or of every stage (`FlushStageAuthorizersCache`): the next
   * request invokes the authorizer.
   */
  flushAuthorizerCache(stage?: string): void;
  /**
   * Count, 4XXError, 5XXError, Latency, IntegrationLatency, CacheHitCount, CacheMissCount by stage and route; a
   * stage's canary requests are reported under `<stage>/Canary`.
   */
  metrics(): MetricsSnapshot;
  /** One line per request of the first stage (`stage`) in its access-log format (empty without `accessLog`). */
  readonly accessLog: string[];
  /** Access-log lines by stage, and by `<stage>/Canary` for the requests of a stage's canary (AWS's `/Canary` log). */
  readonly accessLogs: Readonly<Record<string, string[]>>;
  /**
   * The invoke URL of `path` on the first stage, or on `stage`: `gateway.url('/pets')` is `https://…/dev/pets`. A path
   * that already starts with the stage (`'/dev/pets'`) is not prefixed twice.
   */
  url(path?: string, stage?: string): string;
  readonly info: GatewayInfo;
}

/**
 * Creates an in-process API Gateway (REST or HTTP API) serving Lambda handlers and MOCK integrations with
 * AWS's routing, gateway responses, throttling, API keys and usage plans, caching, timeouts, metrics and
 * access logs — all on the injected clock.
 *
 * @example
 * ```ts
 * import { createGateway } from 'apigw-testkit/gateway';
 * const gateway = createGateway({
 *   routes: { 'GET /pets/{id}': async (event) => ({ statusCode: 200, body: event.pathParameters.id }) },
 * });
 * const response = await gateway.fetch('https://abcd1234ef.execute-api.us-east-1.amazonaws.com/dev/pets/7');
 * await response.text(); // '7'
 * ```
 *
 * With `apiType: 'WEBSOCKET'` it returns a {@link WebSocketGateway} (docs/websocket.md):
 *
 * ```ts
 * const chat = createGateway({ apiType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action', routes });
 * const client = await chat.connect();
 * ```
 */
export function createGateway<
  TApi extends ApiType | 'WEBSOCKET' = 'REST',
  TAuthorizers extends AuthorizerTypes = NoAuthorizers,
  TRoutes extends RoutesFor<TApi, TAuthorizers> = RoutesFor<TApi, TAuthorizers>,
>(options: CreateGatewayOptions<TApi, TAuthorizers, TRoutes>): CreatedGateway<TApi, TAuthorizers, TRoutes>;
export function createGateway(
  input: CreateGatewayOptions<ApiType | 'WEBSOCKET', AuthorizerTypes>,
): Gateway | WebSocketGateway {
  if (isWebSocketOptions(input)) return createWebSocketGateway(input);
  // The typed forms are GatewayOptions whose handlers have narrower types.
  const options = input as GatewayOptions;
  const account = options.account === undefined ? undefined : internalsOf(options.account);
  const state = createLifecycle(options, account);
  const runtimeFor = createDispatcher(state);
  const first = state.stages.get(state.primary)!;
  const config = first.main.config;
  const nextRequest = createRequestProgress(state.hub);
  const edgeIds = createIdSource({ seed: `${String(state.seed)}/cloudfront` });
  const prefix = config.stageName === '$default' ? '' : `/${config.stageName}`;
  const baseUrl = `https://${config.domainName}${prefix}`;
  const info: GatewayInfo = Object.freeze({
    apiType: config.apiType,
    stage: config.stageName,
    apiId: config.apiId,
    region: config.region,
    accountId: config.accountId,
    baseUrl,
    routes: Object.freeze(config.table.routes.map((r) => r.routeKey)),
  });
  const plansFor = (where: string) => {
    if (!state.usagePlans) {
      throw new GatewayConfigError(
        'GATEWAY_NO_USAGE_PLANS',
        `${where}: this gateway has no API keys or usage plans`,
        'Configure apiKeys and usagePlans (REST APIs) to use API keys.',
      );
    }
    return state.usagePlans;
  };
  const serve = (request: GatewayRequest, detailed: boolean, requestOptions?: GatewayRequestOptions) => {
    countRequestForPretenuring();
    const deps = runtimeFor(request, requestOptions);
    if (deps.config.edge && request.mapping === undefined) addCloudFrontHeaders(request, edgeIds);
    return runPipeline(request, deps, detailed);
  };
  const respond = (request: GatewayRequest, requestOptions?: GatewayRequestOptions) => {
    const outcome = serve(request, false, requestOptions);
    return outcome instanceof Promise ? outcome.then(responseOf) : outcome.response;
  };
  const stagesNamed = (stage: string | undefined) =>
    stage === undefined ? [...state.stages.values()] : [stageNamed(state, stage, 'gateway.flushCache')];
  const gateway: Gateway = {
    fetch(input, init, requestOptions) {
      // Not `async`: a request read synchronously (a URL and a plain init) costs no extra promise layer. The pipeline
      // still starts one microtask later, never inside this call: `gateway.nextRequest()` called right after
      // `fetch()` must see this request's handler start.
      try {
        const request = toGatewayRequest(input, init, config.domainName);
        if (request instanceof Promise) return request.then((r) => respond(r, requestOptions));
        return NEXT_TURN.then(() => respond(request, requestOptions));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    async handle(input, init, requestOptions) {
      return serve(await toGatewayRequest(input, init, config.domainName), true, requestOptions);
    },
    nextRequest,
    usage(keyId, usageOptions) {
      return plansFor('gateway.usage').usage(keyId, usageOptions);
    },
    apiKeys: Object.freeze({
      enable: (keyId: string) => plansFor('gateway.apiKeys.enable').setKeyEnabled(keyId, true),
      disable: (keyId: string) => plansFor('gateway.apiKeys.disable').setKeyEnabled(keyId, false),
    }),
    flushCache(stage) {
      for (const s of stagesNamed(stage)) for (const cache of s.caches.values()) cache.flush();
    },
    flushAuthorizerCache(stage) {
      for (const s of stagesNamed(stage)) {
        s.main.policies.auth?.cache.flush();
        s.canaryDeps?.policies.auth?.cache.flush();
      }
    },
    metrics: () => state.metrics!.snapshot(),
    accessLog: first.accessLog,
    get accessLogs() {
      const logs: Record<string, string[]> = {};
      for (const s of state.stages.values()) {
        logs[s.name] = s.accessLog;
        if (s.canaryAccessLog.length > 0 || s.canary) logs[`${s.name}/Canary`] = s.canaryAccessLog;
      }
      return logs;
    },
    url(path = '/', stage = config.stageName) {
      const base = stage === '$default' ? '' : `/${stage}`;
      const absolute = path.startsWith('/') ? path : `/${path}`;
      const next = absolute.charAt(base.length);
      const staged = base !== '' && absolute.startsWith(base) && (next === '' || '/?#'.includes(next));
      return staged
        ? `https://${config.domainName}${absolute}`
        : `https://${config.domainName}${base}${absolute}`;
    },
    info,
    ...lifecycleMethods(state),
  };
  account?.register(config.apiId, {
    apiType: config.apiType,
    serveMapped: async (request) => respond(request),
    serveDirect: async (request) => respond(request),
    hasStage: (stage) => state.stages.has(stage),
  });
  return gateway;
}

/** A settled promise: `then` on it runs one microtask later, without a new promise for the request. */
const NEXT_TURN = Promise.resolve();

function responseOf(outcome: PipelineOutcome): Response {
  return outcome.response;
}

function isWebSocketOptions(options: unknown): options is WebSocketGatewayOptions {
  return (
    typeof options === 'object' &&
    options !== null &&
    (options as { apiType?: unknown }).apiType === 'WEBSOCKET'
  );
}
