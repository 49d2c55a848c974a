import type { Clock } from '../../clock/index.js';
import { formatValue } from '../../errors/format-value.js';
import { assertKnownOptions, GatewayConfigError } from '../../errors/index.js';
import type { ClientLimits, ThrottleAllowed, ThrottleDecision, ThrottleLevel } from './client-limits.js';
import { STAGE_WIDE_KEY, toRouteKey } from './route-key.js';
import {
  DEFAULT_ACCOUNT_THROTTLE,
  formatThrottleLimit,
  type ThrottleLimit,
  validateThrottleLimit,
} from './throttle-limit.js';
import { createTokenBucket, type TokenBucket } from './token-bucket.js';

/** Options of {@link createThrottler}. */
export interface ThrottlerOptions {
  /** Source of time; buckets refill from `clock.now()` on every check. */
  clock: Clock;
  /** Account limit per Region. Default 10 000 rps / 5 000 burst (behaviour.md §6.1). */
  account?: ThrottleLimit;
  /** Stage default method throttling (REST `methodSettings['*\/*']`, HTTP API `DefaultRouteSettings`). */
  stage?: ThrottleLimit;
  /**
   * Whether `stage` is a bucket per route (default `'route'`: each method/route without its own limit gets its
   * own bucket with the stage limits, as method settings are per method) or one bucket the whole stage shares
   * (`'stage'`). AWS does not document which; see docs/gateway-policies.md.
   */
  stageScope?: 'route' | 'stage';
  /**
   * Per-method limits keyed by route key (`'GET /pets/{id}'`), REST method-settings key (`'pets/{id}/GET'`,
   * `'*\/*'` = the stage default) or usage-plan style key (`'/pets/{id}/GET'`).
   */
  methods?: Readonly<Record<string, ThrottleLimit>>;
  /** Take `methods` keys as they are: WebSocket route keys (`sendMessage`, `$connect`) name no method. */
  opaqueRouteKeys?: boolean;
  /**
   * The account bucket to draw from instead of one of the throttler's own: shared by every API and stage of an
   * account (`createAccount()`, behaviour.md §19.4). `account` must then be left out.
   */
  accountBucket?: TokenBucket;
}

/** What the core passes for each request. */
export interface ThrottleRequest {
  /** The matched route key as the core spells it (`'GET /pets/{id}'`, `'ANY /{proxy+}'`, `'$default'`). */
  routeKey?: string;
  /** The per-client limits from a successful `usagePlans.authorize()`, for `apiKeyRequired` methods. */
  client?: ClientLimits;
  /** Only the account bucket applies (WebSocket `@connections` callbacks draw from it, behaviour.md §19.4). */
  accountOnly?: boolean;
}

/** A throttler: one per gateway. */
export interface Throttler {
  /**
   * Evaluates the levels in AWS order — usage-plan per-method, usage-plan, quota, per-method (or stage
   * default), account — at `clock.now()`. Only when every level admits the request is one token taken
   * from each (and one quota unit counted); a rejected request consumes nothing anywhere.
   */
  check(request?: ThrottleRequest): ThrottleDecision;
  /** The limit applied at the method/stage level for `routeKey`, or undefined when only the account applies. */
  methodLimit(routeKey: string | undefined): ThrottleLimit | undefined;
}

/**
 * The gateway's own entry point: {@link Throttler.check} at a time the pipeline read once for the request (one
 * clock read per request instead of one per engine) and without a request object. Internal.
 */
export interface GatewayThrottler extends Throttler {
  checkAt(routeKey: string | undefined, client: ClientLimits | undefined, now: number): ThrottleDecision;
}

const KNOWN = [
  'clock',
  'account',
  'stage',
  'stageScope',
  'methods',
  'opaqueRouteKeys',
  'accountBucket',
] as const;
const ALLOWED: ThrottleAllowed = Object.freeze({ allowed: true });

/**
 * Creates the gateway's throttler (behaviour.md §6.1).
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const throttler = createThrottler({ clock, methods: { 'GET /pets': { rateLimit: 1, burstLimit: 2 } } });
 * throttler.check({ routeKey: 'GET /pets' }); // { allowed: true }
 * throttler.check({ routeKey: 'GET /pets' }); // { allowed: true }
 * throttler.check({ routeKey: 'GET /pets' }); // { allowed: false, limitedBy: 'method', limit: {...}, message }
 * ```
 */
export function createThrottler(options: ThrottlerOptions): Throttler {
  return createGatewayThrottler(options);
}

/** {@link createThrottler} with the gateway's entry point ({@link GatewayThrottler.checkAt}). Internal. */
export function createGatewayThrottler(options: ThrottlerOptions): GatewayThrottler {
  assertKnownOptions('createThrottler', options, KNOWN);
  const { clock } = options;
  if (typeof clock?.now !== 'function') {
    throw new GatewayConfigError(
      'THROTTLE_MISSING_CLOCK',
      'createThrottler: clock is missing',
      'Pass the gateway clock, e.g. systemClock or createManualClock().',
    );
  }
  const scope = options.stageScope ?? 'route';
  if (scope !== 'route' && scope !== 'stage') {
    throw new GatewayConfigError(
      'THROTTLE_INVALID_STAGE_SCOPE',
      `createThrottler: stageScope must be 'route' or 'stage', got ${formatValue(scope)}`,
      "Use 'route' (a bucket per route) or 'stage' (one shared bucket).",
    );
  }
  if (options.accountBucket !== undefined && options.account !== undefined) {
    throw new GatewayConfigError(
      'THROTTLE_ACCOUNT_SHARED',
      'createThrottler: account limits are given while the account bucket is shared (accountBucket)',
      'Set the account limits once, on createAccount({ throttle }); leave throttle.account out of each gateway.',
    );
  }
  const account =
    options.accountBucket ??
    createTokenBucket(
      options.account
        ? validateThrottleLimit('createThrottler: account', options.account)
        : DEFAULT_ACCOUNT_THROTTLE,
      clock.now(),
    );
  let stageLimit = options.stage ? validateThrottleLimit('createThrottler: stage', options.stage) : undefined;
  const methodLimits = new Map<string, ThrottleLimit>();
  for (const [key, value] of Object.entries(options.methods ?? {})) {
    const limit = validateThrottleLimit(`createThrottler: methods[${formatValue(key)}]`, value);
    if (key === STAGE_WIDE_KEY) {
      if (stageLimit) throw duplicate(key, 'stage');
      stageLimit = limit;
      continue;
    }
    const routeKey = options.opaqueRouteKeys
      ? key
      : toRouteKey(key, `createThrottler: methods[${formatValue(key)}]`);
    if (methodLimits.has(routeKey)) throw duplicate(key, routeKey);
    methodLimits.set(routeKey, limit);
  }

  interface Level {
    readonly bucket: TokenBucket;
    readonly level: ThrottleLevel;
    readonly message: string;
  }
  const levels = new Map<string, Level>(); // routeKey → method/stage level, created on first use
  const sharedStage =
    stageLimit && scope === 'stage' ? createTokenBucket(stageLimit, clock.now()) : undefined;
  const stageMessage =
    stageLimit && `Stage default method throttle limit exceeded. ${formatThrottleLimit(stageLimit)}`;
  const accountMessage = `Account throttle limit exceeded. ${formatThrottleLimit(account.limit)}`;
  const levelFor = (routeKey: string | undefined, now: number): Level | undefined => {
    const key = routeKey ?? '';
    const found = levels.get(key);
    if (found) return found;
    const own = methodLimits.get(key);
    let level: Level | undefined;
    if (own) {
      level = {
        bucket: createTokenBucket(own, now),
        level: 'method',
        message: `Method ${key} throttle limit exceeded. ${formatThrottleLimit(own)}`,
      };
    } else if (stageLimit && stageMessage) {
      level = {
        bucket: sharedStage ?? createTokenBucket(stageLimit, now),
        level: 'stage',
        message: stageMessage,
      };
    }
    if (level) levels.set(key, level);
    return level;
  };

  const checkAt = (
    routeKey: string | undefined,
    client: ClientLimits | undefined,
    now: number,
    accountOnly?: boolean,
  ): ThrottleDecision => {
    const methodGate = client?.method;
    const planGate = client?.plan;
    const quota = client?.quota;
    if (methodGate && !methodGate.bucket.canTake(now)) {
      return rejected(methodGate.level, methodGate.bucket.limit, methodGate.message);
    }
    if (planGate && !planGate.bucket.canTake(now)) {
      return rejected(planGate.level, planGate.bucket.limit, planGate.message);
    }
    if (quota && !quota.canConsume(now)) {
      return Object.freeze({
        allowed: false,
        limitedBy: 'quota',
        quota: Object.freeze({ limit: quota.limit, period: quota.period }),
        message: quota.message,
      });
    }
    const stageLevel = accountOnly ? undefined : levelFor(routeKey, now);
    if (stageLevel && !stageLevel.bucket.canTake(now)) {
      return rejected(stageLevel.level, stageLevel.bucket.limit, stageLevel.message);
    }
    if (!account.canTake(now)) return rejected('account', account.limit, accountMessage);
    methodGate?.bucket.take(now);
    planGate?.bucket.take(now);
    quota?.consume(now);
    stageLevel?.bucket.take(now);
    account.take(now);
    return ALLOWED;
  };

  return {
    check(request = {}) {
      return checkAt(request.routeKey, request.client, clock.now(), request.accountOnly);
    },
    checkAt,
    methodLimit(routeKey) {
      return methodLimits.get(routeKey ?? '') ?? stageLimit;
    },
  };
}

function rejected(limitedBy: ThrottleLevel, limit: ThrottleLimit, message: string): ThrottleDecision {
  return Object.freeze({ allowed: false, limitedBy, limit, message });
}

function duplicate(key: string, routeKey: string): GatewayConfigError {
  return new GatewayConfigError(
    'THROTTLE_DUPLICATE_ROUTE_KEY',
    `createThrottler: ${formatValue(key)} sets limits for ${routeKey} a second time`,
    'Give each method (and the stage default) one limit, in one spelling.',
    { key, routeKey },
  );
}
