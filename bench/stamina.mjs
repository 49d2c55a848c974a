// Stamina: one gateway serves 1,000,000 requests over mixed routes with the stage cache on (and evicting),
// throttling, API keys with a usage plan and quota, metrics and an access log with a bounded buffer, on a manual
// clock that moves 100 ms per request and a day every 10,000 requests (so cache entries expire, buckets
// refill and usage days roll over ~100 times). The heap after a full GC is printed after warm-up, at 100k and at 1M requests: it must stay flat.
// Not part of npm test (it takes a minute or two).
//
// Run: npm run build && node --expose-gc bench/stamina.mjs   (or npm run stamina; STAMINA_REQUESTS=… to change)
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

const dist = process.env.BENCH_DIST ?? '../dist';
const { createGateway, createManualClock } = await import(`${dist}/index.js`);

const TOTAL = Number(process.env.STAMINA_REQUESTS ?? 1_000_000);
const WARMUP = Math.min(50_000, TOTAL / 10);
const CONCURRENCY = 64;
if (typeof globalThis.gc !== 'function') {
  console.error('Run with node --expose-gc so the heap is measured after a full collection.');
  process.exit(2);
}

const KEY = 'stamina-key-0123456789';
const clock = createManualClock({ start: Date.UTC(2024, 0, 1) });
const huge = { rateLimit: 1e12, burstLimit: 1e9 };
let calls = 0;
const gateway = createGateway({
  clock,
  throttle: { account: huge, stage: huge },
  cache: { ttlInSeconds: 300, maxEntries: 2_000 },
  accessLog: {
    format: '$context.requestId [$context.requestTime] "$context.httpMethod $context.path" $context.status',
    maxLines: 5_000,
  },
  apiKeys: [{ id: 'key1', value: KEY }],
  usagePlans: [
    {
      id: 'plan1',
      apiStages: [{ stage: 'dev' }],
      throttle: { rateLimit: 1e9, burstLimit: 1e9 },
      quota: { limit: 1e9, period: 'MONTH' },
      keys: ['key1'],
    },
  ],
  routes: {
    'GET /pets/{id}': {
      integration: {
        type: 'AWS_PROXY',
        handler: async (event) => ({
          statusCode: 200,
          body: JSON.stringify({ id: event.pathParameters.id }),
        }),
      },
      caching: { cacheKeyParameters: ['method.request.path.id'] },
    },
    'POST /pets': async (event) => ({ statusCode: 201, headers: { Location: '/pets/1' }, body: event.body }),
    'GET /broken': async () => {
      calls++;
      if (calls % 2) throw new Error('boom');
      return { statusCode: 200, body: { not: 'a string' } };
    },
    'GET /secret': {
      integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 200, body: 'secret' }) },
      apiKeyRequired: true,
    },
  },
});

const base = gateway.url('');
const DAY = 86_400_000;
const statuses = new Map();
function request(i) {
  // 100 ms per request, and a day every 10,000 requests (usage days roll over ~100 times in a million).
  clock.advance(i % 10_000 === 0 ? DAY : 100);
  switch (i % 6) {
    case 0:
      return gateway.fetch(`${base}/pets/${i % 50}`); // a few hot ids: cache hits
    case 1:
      return gateway.fetch(`${base}/pets/${i}`); // always new: misses, and evictions past maxEntries
    case 2:
      return gateway.fetch(`${base}/pets`, { method: 'POST', body: `{"n":${i}}` });
    case 3:
      return gateway.fetch(`${base}/broken`);
    case 4:
      return gateway.fetch(`${base}/secret`, { headers: { 'x-api-key': KEY } });
    default:
      return gateway.fetch(`${base}/nope/${i}`);
  }
}

async function serve(from, to) {
  for (let i = from; i < to; i += CONCURRENCY) {
    const batch = [];
    for (let j = i; j < Math.min(to, i + CONCURRENCY); j++) {
      batch.push(
        request(j).then(async (response) => {
          await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }),
      );
    }
    await Promise.all(batch);
  }
}

function heapMb() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const started = performance.now();
await serve(0, WARMUP);
const warm = heapMb();
await serve(WARMUP, 100_000);
const at100k = heapMb();
await serve(100_000, TOTAL);
const atEnd = heapMb();
const seconds = (performance.now() - started) / 1000;

const metrics = gateway.metrics();
const counted = [...statuses.values()].reduce((a, b) => a + b, 0);
console.log(`\n## Stamina: ${TOTAL.toLocaleString('en-US')} requests through one gateway`);
console.log(`statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
console.log(
  `metrics Count: ${metrics.total.Count}, answered: ${counted}, access-log lines kept: ${gateway.accessLog.length}`,
);
console.log(`cache hits: ${metrics.total.CacheHitCount}, misses: ${metrics.total.CacheMissCount}`);
console.log(`usage of key1 today: ${gateway.usage('key1').items.at(-1)?.used}`);
console.log(`heap after warm-up (${WARMUP.toLocaleString('en-US')}): ${warm.toFixed(1)} MB`);
console.log(`heap at 100k: ${at100k.toFixed(1)} MB`);
console.log(`heap at ${TOTAL.toLocaleString('en-US')}: ${atEnd.toFixed(1)} MB`);
const growth = atEnd - at100k;
const flat = growth < 2 + at100k * 0.05;
console.log(
  `growth 100k → end: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB ${flat ? 'FLAT' : 'GROWING'}`,
);
console.log(`${(TOTAL / seconds).toFixed(0)} requests/s over ${seconds.toFixed(1)} s`);
console.log(
  `load average (1/5/15 min): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
if (metrics.total.Count !== TOTAL || counted !== TOTAL) process.exitCode = 1;
if (!flat) process.exitCode = 1;
