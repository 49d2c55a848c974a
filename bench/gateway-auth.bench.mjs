// Authorization cost per request through gateway.fetch, beside the same unauthenticated route in the same run:
// a REST route behind a cached Lambda TOKEN authorizer (target: ≤ 5 µs more than the open route), and an HTTP
// API route behind a JWT authorizer (RS256), whose overhead is compared with jose's own jwtVerify of the same
// token and key set (target: ≤ 2× jose's time). Best of ROUNDS interleaved rounds; the machine may be shared.
//
// Run: npx tsc -p tsconfig.build.json && node bench/gateway-auth.bench.mjs
import { loadavg } from 'node:os';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { measure, report } from './harness.mjs';

const dist = process.env.BENCH_DIST ?? '../dist';
const { createGateway } = await import(`${dist}/gateway/index.js`);
const { createTestIdentityProvider } = await import(`${dist}/auth/index.js`);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ms = Number(process.env.BENCH_MS ?? 1000);
const handler = async () => ({ statusCode: 200, body: 'ok' });
const policyFor = (arn) => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: arn.replace(/\/GET\/.*$/, '/GET/*') },
  ],
});

const rest = createGateway({
  authorizers: {
    Token: {
      type: 'TOKEN',
      handler: async (event) => ({
        principalId: 'bench',
        policyDocument: policyFor(event.methodArn),
        context: { tier: 2 },
      }),
    },
  },
  routes: {
    'GET /open/{id}': handler,
    'GET /pets/{id}': { authorizer: 'Token', integration: { type: 'AWS_PROXY', handler } },
  },
});
const idp = createTestIdentityProvider({ issuer: 'https://bench.example.com', clientId: 'bench' });
const http = createGateway({
  apiType: 'HTTP',
  identityProviders: [idp],
  authorizers: { Jwt: { type: 'JWT', jwtConfiguration: { issuer: idp.issuer, audience: ['bench'] } } },
  routes: {
    'GET /open/{id}': handler,
    'GET /me/{id}': { authorizer: 'Jwt', integration: { type: 'AWS_PROXY', handler } },
  },
});
const token = await idp.token({ subject: 'bench-user', expiresIn: 86_400 });
const keySet = createLocalJWKSet(idp.jwks);
const restBase = 'https://abcd1234ef.execute-api.us-east-1.amazonaws.com/dev';
const httpBase = 'https://abcd1234ef.execute-api.us-east-1.amazonaws.com';
const tokenInit = { headers: { Authorization: 'Bearer bench-token', 'User-Agent': 'bench' } };
const openInit = { headers: { 'User-Agent': 'bench' } };
const jwtInit = { headers: { authorization: `Bearer ${token}`, 'User-Agent': 'bench' } };

// Sanity: each route answers 200, the authorizer result is cached, a bad token is refused.
for (const [gateway, url, init] of [
  [rest, `${restBase}/open/1`, openInit],
  [rest, `${restBase}/pets/1`, tokenInit],
  [http, `${httpBase}/open/1`, openInit],
  [http, `${httpBase}/me/1`, jwtInit],
]) {
  const response = await gateway.fetch(url, init);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
}
if ((await rest.handle(`${restBase}/pets/2`, tokenInit)).trace.authorization?.cached !== true)
  throw new Error('the authorizer result was not cached');
if ((await http.fetch(`${httpBase}/me/1`, { headers: { authorization: 'Bearer x.y.z' } })).status !== 401)
  throw new Error('a bad token was not refused');

let n = 0;
const cases = [
  ['REST open route', () => rest.fetch(`${restBase}/open/${n++}`, openInit).then((r) => r.text())],
  [
    'REST cached Lambda TOKEN authorizer',
    () => rest.fetch(`${restBase}/pets/${n++}`, tokenInit).then((r) => r.text()),
  ],
  ['HTTP open route', () => http.fetch(`${httpBase}/open/${n++}`, openInit).then((r) => r.text())],
  ['HTTP JWT authorizer (RS256)', () => http.fetch(`${httpBase}/me/${n++}`, jwtInit).then((r) => r.text())],
  ['jose jwtVerify alone (same token, same key set)', () => jwtVerify(token, keySet, { issuer: idp.issuer })],
];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const loadBefore = load();
const best = new Map();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of cases) {
    const row = await measure(name, fn, { ms });
    const kept = best.get(name);
    if (!kept || row.opsPerSec > kept.opsPerSec) best.set(name, row);
  }
}
const rows = cases.map(([name]) => best.get(name));
report(`authorization overhead (best of ${ROUNDS} interleaved rounds)`, rows, cases[0][0]);
console.log(`\nload average (1/5/15 min) before: ${loadBefore}, after: ${load()}`);
const cached = rows[1].usPerOp - rows[0].usPerOp;
console.log(
  `cached Lambda authorizer − open route: ${cached.toFixed(1)} µs (target ≤ 5 µs) ${cached <= 5 ? 'OK' : 'OVER TARGET'}`,
);
const jwt = rows[3].usPerOp - rows[2].usPerOp;
const ratio = jwt / rows[4].usPerOp;
console.log(
  `JWT authorizer − open route: ${jwt.toFixed(1)} µs = ${ratio.toFixed(2)}× jose's own verify (${rows[4].usPerOp.toFixed(1)} µs) (target ≤ 2×) ${ratio <= 2 ? 'OK' : 'OVER TARGET'}`,
);
