// Gateway simulator: requests/s through gateway.fetch for a trivial handler with throttling, caching and
// metrics on, beside a direct call of the same handler with an event built by buildProxyEventV1 (same run),
// and the per-request overhead of the gateway in µs (target: ≤ 30 µs).
// Run: npx tsc -p tsconfig.build.json && node bench/gateway.bench.mjs
import { buildProxyEventV1 } from '../dist/events/index.js';
import { createGateway } from '../dist/gateway/index.js';
import { toFetchResponse } from '../dist/http/index.js';
import { validateProxyResult } from '../dist/response/index.js';
import { measure, report } from './harness.mjs';

const handler = async (event) => ({ statusCode: 200, body: event.pathParameters?.id ?? 'none' });
const huge = { rateLimit: 1e12, burstLimit: 1e9 };

// Throttling on every level that applies (account, stage, route), the stage cache on (a POST route, so
// every request looks the cache up and misses → bypass for POST; GET measured separately as a cache hit),
// metrics always on.
const gateway = createGateway({
  throttle: { account: huge, stage: huge },
  cache: { ttlInSeconds: 300 },
  routes: {
    'GET /pets/{id}': { integration: { type: 'AWS_PROXY', handler }, throttle: huge },
    'POST /pets/{id}': { integration: { type: 'AWS_PROXY', handler }, throttle: huge },
  },
});
const url = 'https://abcd1234ef.execute-api.us-east-1.amazonaws.com/dev/pets/7';
const init = { method: 'POST', headers: { 'User-Agent': 'bench', Accept: 'application/json' } };

// Sanity: the gateway answers what the handler returns.
const check = await gateway.fetch(url, init);
if (check.status !== 200 || (await check.text()) !== '7') throw new Error('gateway did not answer 200 "7"');

const direct = async () => {
  const event = buildProxyEventV1({
    method: 'POST',
    resource: '/pets/{id}',
    path: '/pets/7',
    headers: init.headers,
  });
  return handler(event);
};
const directChecked = async () => {
  const event = buildProxyEventV1({
    method: 'POST',
    resource: '/pets/{id}',
    path: '/pets/7',
    headers: init.headers,
  });
  return validateProxyResult(await handler(event)).response;
};
// What a hand-written harness must do to give the client's view as a fetch Response.
const directResponse = async () => {
  const event = buildProxyEventV1({
    method: 'POST',
    resource: '/pets/{id}',
    path: '/pets/7',
    headers: init.headers,
  });
  return toFetchResponse(validateProxyResult(await handler(event)).response).text();
};
const throughGateway = async () => {
  const response = await gateway.fetch(url, init);
  return response.text();
};
const cacheHit = async () => {
  const response = await gateway.fetch(url, { headers: init.headers });
  return response.text();
};

const rows = [
  await measure('direct: buildProxyEventV1 + handler', direct),
  await measure('direct: build + handler + validateProxyResult', directChecked),
  await measure('direct: build + handler + validate + Response + text()', directResponse),
  await measure('gateway.fetch POST (throttle + metrics, cache bypass)', throughGateway),
  await measure('gateway.fetch GET (throttle + metrics, cache hit)', cacheHit),
];
report('gateway.fetch vs direct handler call', rows, 'direct: buildProxyEventV1 + handler');
const overhead = rows[3].usPerOp - rows[0].usPerOp;
const overResponse = rows[3].usPerOp - rows[2].usPerOp;
console.log(
  `\nper-request gateway overhead vs direct handler call (POST, integration path): ${overhead.toFixed(1)} µs (target ≤ 30 µs) ${overhead <= 30 ? 'OK' : 'OVER TARGET'}`,
);
console.log(
  `per-request gateway overhead vs direct call that also builds the fetch Response: ${overResponse.toFixed(1)} µs`,
);
