// A small pets API on the simulated API Gateway (REST API, stage "dev"). Serve it with
//   npm start            (or: npx apigw-testkit serve examples/pets-api.mjs --port 3000)
// and call it with the curl lines `serve` prints. Each route shows one gateway behaviour:
//   GET  /pets            answered from the stage cache (TTL 60 s) after the first call
//   GET  /pets/{id}       throttled per method: rate 1 request/s, burst 2 → 429 Too Many Requests
//   POST /pets            needs an API key (x-api-key) in a usage plan → 403 Forbidden without one
//   GET  /health          a MOCK integration: API Gateway answers without any backend
//   GET  /reports/slow    the handler needs 5 s, the integration timeout is 3 s → 504 Endpoint request timed out
// and, on the same port, the chat WebSocket API of examples/chat-api.mjs (ws://127.0.0.1:3000/chat?name=Ada).
import { createGateway } from 'apigw-testkit/gateway';
import { createPet, getPet, listPets, slowReport } from './pets/handlers.mjs';

/** The demo API key (20–128 characters, as AWS requires). */
export const API_KEY = 'demo-key-0123456789abcdef';

export const options = {
  apiType: 'REST',
  apiId: 'pets4demo1',
  region: 'us-east-1',
  stage: { name: 'dev', variables: { tableName: 'pets-dev' } },
  // Stage cache: GET methods only, unless a route opts in.
  cache: { ttlInSeconds: 60, cacheClusterSize: 0.5 },
  apiKeys: [{ id: 'demokey001', name: 'demo', value: API_KEY }],
  usagePlans: [
    {
      id: 'demoplan01',
      name: 'demo plan',
      apiStages: [{ stage: 'dev' }],
      throttle: { rateLimit: 10, burstLimit: 20 },
      quota: { limit: 1000, period: 'DAY' },
      keys: ['demokey001'],
    },
  ],
  routes: {
    'GET /pets': listPets,
    'GET /pets/{id}': {
      integration: { type: 'AWS_PROXY', handler: getPet },
      throttle: { rateLimit: 1, burstLimit: 2 },
      // Only the list is cached in this example, so throttling stays visible here.
      caching: { cachingEnabled: false },
    },
    'POST /pets': { integration: { type: 'AWS_PROXY', handler: createPet }, apiKeyRequired: true },
    'GET /health': {
      integration: {
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        responses: { 200: { headers: { 'Content-Type': 'application/json' }, body: '{"status":"ok"}' } },
      },
    },
    'GET /reports/slow': {
      integration: { type: 'AWS_PROXY', handler: slowReport, timeoutInMillis: 3_000 },
      caching: { cachingEnabled: false },
    },
  },
};

/** The gateway `apigw-testkit serve` serves. */
export default createGateway(options);

/** Requests `serve` prints as curl lines (paths below the stage URL). */
export const examples = [
  {
    title: 'List pets (run twice: the second answer comes from the cache, same X-Handler-Invocation)',
    path: '/pets',
  },
  { title: 'One pet (run it 3 times within a second: the third is 429 Too Many Requests)', path: '/pets/1' },
  {
    title: 'Add a pet with the API key (201; without the x-api-key header: 403 Forbidden)',
    method: 'POST',
    path: '/pets',
    headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
    body: '{"name":"Bella","type":"dog"}',
  },
  { title: 'Health check from a MOCK integration (no backend)', path: '/health' },
  { title: 'A handler slower than its 3 s integration timeout (504 after 3 s)', path: '/reports/slow' },
];

// The chat WebSocket API (examples/chat-api.mjs) is served on the same port: ws://127.0.0.1:3000/chat.
export { default as webSocket, webSocketExamples } from './chat-api.mjs';
