// Gateway policy engines: per-request cost of each check the gateway makes (throttling, API key + usage
// plan, cache lookup, metrics, access log), beside a baseline that only allocates a small object.
// Run: npm run build && node bench/gateway-policies.bench.mjs
import { createManualClock } from '../dist/clock/index.js';
import {
  compileAccessLogFormat,
  createMetrics,
  createResponseCache,
  createThrottler,
  createUsagePlans,
} from '../dist/gateway/index.js';
import { measure, report } from './harness.mjs';

const clock = createManualClock();
let t = 0;
const tick = () => clock.advance(0.01 + (t++ % 2) * 0.001); // time moves a little between requests

const throttler = createThrottler({
  clock,
  account: { rateLimit: 1e9, burstLimit: 1e9 },
  stage: { rateLimit: 1e9, burstLimit: 1e9 },
  methods: { 'GET /pets/{id}': { rateLimit: 1e9, burstLimit: 1e9 } },
});
const KEY = 'bench-key-0123456789abcdef';
const plans = createUsagePlans({
  clock,
  apiKeys: [{ id: 'k', value: KEY }],
  usagePlans: [
    {
      id: 'p',
      throttle: { rateLimit: 1e9, burstLimit: 1e9 },
      quota: { limit: 2e9, period: 'MONTH' },
      apiStages: [{ stage: 'dev', throttle: { '/pets/{id}/GET': { rateLimit: 1e9, burstLimit: 1e9 } } }],
      keys: ['k'],
    },
  ],
});
const cache = createResponseCache({
  clock,
  routes: {
    'GET /pets/{id}': {
      cacheKeyParameters: [
        'method.request.path.id',
        'method.request.querystring.type',
        'method.request.header.X-Tenant',
      ],
    },
  },
});
const headers = new Headers({ 'x-tenant': 'acme', accept: 'application/json', 'user-agent': 'bench' });
const query = new URLSearchParams('type=dog&page=2');
const lookupRequest = {
  routeKey: 'GET /pets/{id}',
  method: 'GET',
  stage: 'dev',
  pathParameters: { id: '7' },
  query,
  headers,
};
const first = cache.lookup(lookupRequest);
if (first.status === 'miss')
  cache.store(first, { statusCode: 200, headers: [['content-type', 'application/json']], body: '{"id":7}' });
const metrics = createMetrics();
const log = compileAccessLogFormat(
  '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId $context.extendedRequestId',
  'REST',
);
const values = {
  'identity.sourceIp': '203.0.113.9',
  requestTime: '01/Jan/2024:00:00:00 +0000',
  httpMethod: 'GET',
  resourcePath: '/pets/{id}',
  protocol: 'HTTP/1.1',
  status: 200,
  responseLength: 8,
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  extendedRequestId: 'TWegAcC4EowCHnA=',
};

let sink;
const rows = [
  await measure('baseline: allocate a small object', () => {
    sink = { a: t++, b: 'x' };
  }),
  await measure('throttler.check (method + account)', () => {
    tick();
    sink = throttler.check({ routeKey: 'GET /pets/{id}' });
  }),
  await measure('usagePlans.authorize + throttler.check (all levels + quota)', () => {
    tick();
    const auth = plans.authorize({ stage: 'dev', routeKey: 'GET /pets/{id}', apiKeyValue: KEY });
    sink = auth.ok ? throttler.check({ routeKey: 'GET /pets/{id}', client: auth.client }) : auth;
  }),
  await measure('cache.lookup hit (3 key parameters, fetch Headers)', () => {
    sink = cache.lookup(lookupRequest);
  }),
  await measure('metrics.record', () => {
    sink = metrics.record({
      stage: 'dev',
      routeKey: 'GET /pets/{id}',
      status: 200,
      latencyMs: 3,
      integrationLatencyMs: 2,
      cacheHit: false,
    });
  }),
  await measure('accessLog.render (CLF preset)', () => {
    sink = log.render(values);
  }),
];
report('gateway policies, per request', rows, 'baseline: allocate a small object');
if (sink === Symbol.for('never')) console.log('');
