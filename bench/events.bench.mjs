// Event builders: events/s of the deterministic v1/v2 builders and the faker variants, beside a
// hand-written object literal of the same REST event (the floor: allocating the object alone).
// The gateway-path rows time gatewayRequestToEvent (internal), which the simulator calls per request.
// Target: at least 400,000 deterministic v1 events/s. The machine is shared: every row is measured ROUNDS times,
// interleaved, and the best round is kept.
// Run: npm run build && node bench/events.bench.mjs
// (BENCH_DIST=/path/to/dist measures another build, e.g. a copy of the previous one.)
import { loadavg } from 'node:os';
import { measure, report } from './harness.mjs';
import { loadSource } from './load-source.mjs';

const dist = process.env.BENCH_DIST ?? '../dist';
const { buildProxyEventV1, buildProxyEventV2 } = await import(`${dist}/events/index.js`);
const { gatewayRequestToEvent } = await loadSource('http/request-to-event.ts');
const loadBefore = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');

const options = {
  method: 'GET',
  resource: '/pets/{id}',
  path: '/pets/7?verbose=true',
  headers: { Accept: 'application/json', 'User-Agent': 'curl/8.4.0' },
};

function literalV1() {
  return {
    resource: '/pets/{id}',
    path: '/pets/7',
    httpMethod: 'GET',
    headers: {
      Accept: 'application/json',
      'User-Agent': 'curl/8.4.0',
      Host: 'abcd1234ef.execute-api.us-east-1.amazonaws.com',
      'X-Amzn-Trace-Id': 'Root=1-65920080-fc20979546f29ad28c969986',
      'X-Forwarded-For': '203.0.113.9',
      'X-Forwarded-Port': '443',
      'X-Forwarded-Proto': 'https',
    },
    multiValueHeaders: {
      Accept: ['application/json'],
      'User-Agent': ['curl/8.4.0'],
      Host: ['abcd1234ef.execute-api.us-east-1.amazonaws.com'],
      'X-Amzn-Trace-Id': ['Root=1-65920080-fc20979546f29ad28c969986'],
      'X-Forwarded-For': ['203.0.113.9'],
      'X-Forwarded-Port': ['443'],
      'X-Forwarded-Proto': ['https'],
    },
    queryStringParameters: { verbose: 'true' },
    multiValueQueryStringParameters: { verbose: ['true'] },
    pathParameters: { id: '7' },
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abcd1234ef',
      deploymentId: '4yhv98',
      domainName: 'abcd1234ef.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abcd1234ef',
      extendedRequestId: '7ur0oFytGILI9VP=',
      httpMethod: 'GET',
      identity: {
        accessKey: null,
        accountId: null,
        caller: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '203.0.113.9',
        user: null,
        userAgent: 'curl/8.4.0',
        userArn: null,
      },
      path: '/dev/pets/7',
      protocol: 'HTTP/1.1',
      requestId: 'ebb110a1-64fe-4bf2-85c6-85e0554ff2d7',
      requestTime: '01/Jan/2024:00:00:00 +0000',
      requestTimeEpoch: 1704067200000,
      resourceId: '921jf2',
      resourcePath: '/pets/{id}',
      stage: 'dev',
    },
    body: null,
    isBase64Encoded: false,
  };
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ms = Number(process.env.BENCH_MS ?? 1000);
// Results go to a module-level sink so V8 cannot drop the allocation of the baseline literal.
let sink;
const cases = [];
const add = (name, fn) => cases.push([name, fn]);
add('object literal of the same REST event (baseline)', () => {
  sink = literalV1();
});
add('buildProxyEventV1 (deterministic)', () => buildProxyEventV1(options));
let n = 0;
add('buildProxyEventV1 gateway-style (requestId, time, pairs)', () =>
  buildProxyEventV1({
    method: 'GET',
    path: '/pets/7?verbose=true',
    resource: '/pets/{id}',
    headers: [
      ['accept', 'application/json'],
      ['user-agent', 'curl/8.4.0'],
      ['host', 'localhost:3000'],
    ],
    stage: 'dev',
    requestId: `req-${n++}`,
    time: 1_713_712_101_067 + n,
  }),
);
add('buildProxyEventV1 POST JSON body + Lambda authorizer', () =>
  buildProxyEventV1({
    ...options,
    method: 'POST',
    body: { name: 'Rex' },
    authorizer: { lambda: { principalId: 'u1' } },
  }),
);
add('buildProxyEventV2 (deterministic)', () =>
  buildProxyEventV2({ routeKey: 'GET /pets/{id}', path: '/pets/7?verbose=true', headers: options.headers }),
);
// What the gateway hands over for `GET /pets/{id}` (the simulator's own request fields).
const gatewayInput = (format) => ({
  payloadFormat: format,
  apiType: format === '2.0' ? 'HTTP' : 'REST',
  method: 'GET',
  path: `/pets/${n++}`,
  query: 'verbose=true',
  headers: [
    ['user-agent', 'curl/8.4.0'],
    ['accept', 'application/json'],
    ['X-Amzn-Trace-Id', 'Root=1-65920080-fc20979546f29ad28c969986'],
  ],
  body: null,
  resource: '/pets/{id}',
  routeKey: 'GET /pets/{id}',
  stage: format === '2.0' ? '$default' : 'dev',
  stageVariables: null,
  apiId: 'abcd1234ef',
  accountId: '123456789012',
  region: 'us-east-1',
  domainName: 'abcd1234ef.execute-api.us-east-1.amazonaws.com',
  requestId: `req-${n}`,
  extendedRequestId: 'Ab12Cd34Ef56Gh7=',
  resourceId: 'res123',
  deploymentId: 'dep456',
  time: 1_713_712_101_067 + n,
  binaryMediaTypes: [],
  identity: undefined,
});
add('gateway path: gatewayRequestToEvent 1.0 (REST)', () => gatewayRequestToEvent(gatewayInput('1.0')));
add('gateway path: gatewayRequestToEvent 2.0 (HTTP API)', () => gatewayRequestToEvent(gatewayInput('2.0')));
let faker;
try {
  faker = await import(`${dist}/faker/index.js`);
} catch {
  faker = undefined;
}
if (faker) {
  let seed = 0;
  add('fakeProxyEventV1 (faker, new seed each)', () => faker.fakeProxyEventV1({}, { seed: seed++ }));
  add('fakeProxyEventV2 (faker, new seed each)', () => faker.fakeProxyEventV2({}, { seed: seed++ }));
} else {
  console.log('(faker variants skipped: dist/faker not built or @faker-js/faker not installed)');
}
const best = new Map();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of cases) {
    const row = await measure(name, fn, { ms });
    const kept = best.get(name);
    if (!kept || row.opsPerSec > kept.opsPerSec) best.set(name, row);
  }
}
const rows = cases.map(([name]) => best.get(name));
report(
  `Event builders (events/s, best of ${ROUNDS} interleaved rounds)`,
  rows,
  'object literal of the same REST event (baseline)',
);
const v1 = best.get('buildProxyEventV1 (deterministic)');
console.log(
  `\ndeterministic v1 events/s: ${Math.round(v1.opsPerSec).toLocaleString('en-US')} (target ≥ 400,000) ${v1.opsPerSec >= 400_000 ? 'OK' : 'UNDER TARGET'}`,
);
if (sink === undefined) console.log('(baseline never ran)');
console.log(
  `load average (1/5/15 min) before: ${loadBefore}, after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
