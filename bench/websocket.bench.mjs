// WebSocket APIs: messages/s round trip — client → route → handler → @connections post → client — in-process and
// through `apigw-testkit serve`'s upgrade listener over loopback, beside a bare `ws` echo server measured in the
// same run (the baseline). Targets: in-process at least 5× the loopback ws echo; through serve at most 1.5× the
// bare echo's latency (µs per round trip). Rows are measured ROUNDS times, interleaved; the best round is kept.
//
// Run: npx tsc -p tsconfig.build.json && node bench/websocket.bench.mjs
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import WebSocket, { WebSocketServer } from 'ws';
import { measure, report } from './harness.mjs';

const dist = process.env.BENCH_DIST ?? '../dist';
const { createGateway, toNodeListener, toUpgradeListener } = await import(`${dist}/gateway/index.js`);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ms = Number(process.env.BENCH_MS ?? 1000);
const huge = { rateLimit: 1e12, burstLimit: 1e9 };

function chatGateway() {
  const gateway = createGateway({
    apiType: 'WEBSOCKET',
    routeSelectionExpression: '$request.body.action',
    throttle: { account: huge },
    routes: {
      // The handler posts the message back through the in-process @connections API.
      echo: async (event) => {
        await gateway.connections.post(event.requestContext.connectionId, event.body);
        return { statusCode: 200 };
      },
      // A two-way route: the handler's body is the route response.
      reply: {
        integration: { type: 'AWS_PROXY', handler: async (event) => ({ statusCode: 200, body: event.body }) },
        routeResponseSelectionExpression: '$default',
      },
    },
  });
  return gateway;
}

const ECHO = '{"action":"echo","text":"hello"}';
const REPLY = '{"action":"reply","text":"hello"}';

// In-process: the gateway and its client, no sockets.
const inProcess = chatGateway();
const client = await inProcess.connect();
const inProcessEcho = async () => {
  await client.send(ECHO);
  await client.nextMessage();
};
const inProcessReply = async () => {
  await client.send(REPLY);
  await client.nextMessage();
};

// A loopback server: bare ws echo, and the gateway behind toUpgradeListener (what `serve` runs).
async function listen(setup) {
  const server = createServer();
  setup(server);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `ws://127.0.0.1:${server.address().port}` };
}
const bare = await listen((server) => {
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));
});
const served = chatGateway();
const upgrade = toUpgradeListener(served);
const viaServe = await listen((server) => {
  server.on('request', toNodeListener(served));
  server.on('upgrade', upgrade);
});

function roundTripper(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    let pending;
    ws.on('message', () => pending?.());
    ws.on('open', () =>
      resolve({
        ws,
        send: (text) =>
          new Promise((done) => {
            pending = done;
            ws.send(text);
          }),
      }),
    );
    ws.on('error', reject);
  });
}
const bareClient = await roundTripper(bare.url);
const serveClient = await roundTripper(`${viaServe.url}/dev`);

const cases = [
  ['bare ws echo over loopback (baseline)', () => bareClient.send(ECHO)],
  ['in-process: handler posts via gateway.connections', inProcessEcho],
  ['in-process: two-way route response', inProcessReply],
  ['serve (ws on loopback): handler posts via @connections', () => serveClient.send(ECHO)],
  ['serve (ws on loopback): two-way route response', () => serveClient.send(REPLY)],
];

console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const best = new Map();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of cases) {
    const result = await measure(name, fn, { ms, batch: 20 });
    const prev = best.get(name);
    if (!prev || result.opsPerSec > prev.opsPerSec) best.set(name, result);
  }
}
console.log(
  `load average after:  ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const rows = [...best.values()];
report('WebSocket round trips (messages/s)', rows, cases[0][0]);
const baseline = best.get(cases[0][0]);
const inproc = best.get(cases[1][0]);
const serve = best.get(cases[3][0]);
console.log(
  `\nin-process vs bare ws echo: ${(inproc.opsPerSec / baseline.opsPerSec).toFixed(1)}× (target ≥ 5×)` +
    `\nserve latency vs bare ws echo: ${(serve.usPerOp / baseline.usPerOp).toFixed(2)}× (target ≤ 1.5×)`,
);

bareClient.ws.close();
serveClient.ws.close();
await inProcess.close();
await served.close();
await upgrade.close();
bare.server.close();
viaServe.server.close();
