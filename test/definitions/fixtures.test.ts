// Every collected real-world definition (test/fixtures/definitions/*/SOURCE.md): the exact route table and warnings
// of its import, and a request through createGateway per route (with what the route needs: a token, a signature,
// a valid body — fixture-setup.ts) answered exactly; the only routes not run are those test/definitions/pending.ts
// lists, refused by createGateway by name.
import { readdirSync, readFileSync } from 'node:fs';
import { AwsClient } from 'aws4fetch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTestIdentityProvider } from '../../src/auth/index.js';
import {
  describeDefinition,
  importDefinition,
  type RouteSummary,
} from '../../src/gateway/definitions/index.js';
import {
  createGateway,
  type Gateway,
  type GatewayOptions,
  type WebSocketGatewayOptions,
} from '../../src/gateway/index.js';
import { FIXTURES, type FixtureExpectation, PARAMETERS, RESPONSES } from './fixture-expectations.js';
import { type FixtureContext, type FixtureSetup, type RouteRequest, SETUPS } from './fixture-setup.js';
import { allow, echo, refusal, samplePath } from './fixture-support.js';
import { PENDING_ROUTES } from './pending.js';

const DIR = 'test/fixtures/definitions';
const idp = createTestIdentityProvider({ userPoolId: 'us-east-1_abc', clientId: 'client1' });
const alice = idp.iamUser('alice');

const handlersFor = (keys: string[], setup: FixtureSetup, calls: string[]) =>
  Object.fromEntries(
    keys.map((k) => {
      const kind = setup.authorizers?.[k];
      return [k, kind ? allow(k, kind) : echo(k, calls)];
    }),
  );

/** The file, or — for a templated file — its text with the placeholders filled, parsed (YAML reads JSON too). */
async function sourceOf(
  fixture: FixtureExpectation,
  setup: FixtureSetup,
  ctx: FixtureContext,
): Promise<string | Record<string, unknown>> {
  const file = `${DIR}/${fixture.dir}/${fixture.file}`;
  if (!setup.substitute) return file;
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of Object.entries(setup.substitute(ctx))) text = text.replaceAll(from, to);
  return parse(text) as Record<string, unknown>;
}

/**
 * A WebSocket route's exchange: connect (`$connect` runs), send a message selecting the route (custom routes; an
 * unknown selection for `$default`), close (`$disconnect` runs), then the frames API Gateway sent back and the
 * handlers invoked, in order. Status 101: the upgrade was accepted.
 */
async function websocketExchange(
  options: WebSocketGatewayOptions,
  routeKey: string,
  calls: string[],
): Promise<{ status: number; body: { frames: string[]; invoked: string[] } }> {
  const gateway = createGateway(options);
  const client = await gateway.connect();
  const field = /^\$request\.body\.(.+)$/.exec(options.routeSelectionExpression)?.[1] ?? 'action';
  if (!routeKey.startsWith('$') || routeKey === '$default') {
    await client.send(
      JSON.stringify({ [field]: routeKey === '$default' ? 'no-such-route' : routeKey, data: 'hi' }),
    );
  }
  await client.close(1000);
  const frames: string[] = [];
  for await (const frame of client) frames.push(String(frame));
  await gateway.close();
  return { status: 101, body: { frames, invoked: [...calls] } };
}

async function requestFor(
  gateway: Gateway,
  route: RouteSummary,
  options: GatewayOptions,
  spec: RouteRequest = {},
): Promise<Request> {
  const [method = 'GET', resource = '/'] =
    route.routeKey === '$default' ? ['GET', '/anything'] : route.routeKey.split(' ');
  const headers: Record<string, string> = { ...spec.headers };
  const key = options.apiKeys?.[0];
  if (route.apiKeyRequired && key) headers['x-api-key'] = key.value;
  const path = spec.path ?? samplePath(resource);
  const url = gateway.url(spec.query ? `${path}?${spec.query}` : path);
  const init = {
    method: method === 'ANY' ? 'GET' : method,
    headers,
    ...(spec.body ? { body: spec.body } : {}),
  };
  if (!spec.sign) return new Request(url, init);
  return new AwsClient({ ...alice, service: 'execute-api', region: 'us-east-1' }).sign(url, init);
}

describe('collected definitions', () => {
  it('cover at least 20 OpenAPI files and 12 templates, each with its SOURCE.md', () => {
    const dirs = readdirSync(DIR);
    for (const dir of dirs) expect(readdirSync(`${DIR}/${dir}`), dir).toContain('SOURCE.md');
    const files = dirs.flatMap((dir) =>
      readdirSync(`${DIR}/${dir}`).filter((f) => /\.(json|ya?ml)$/.test(f)),
    );
    const templates = files.filter((f) => /template/.test(f));
    expect(files.length - templates.length).toBeGreaterThanOrEqual(20);
    expect(templates.length).toBeGreaterThanOrEqual(12);
  });

  it.each(FIXTURES.map((f) => [f.dir, f] as const))(
    '%s imports to its exact route table',
    async (_dir, fixture) => {
      const description = await describeDefinition(`${DIR}/${fixture.dir}/${fixture.file}`, {
        parameters: PARAMETERS,
      });
      expect(
        description.apis.map((api) => ({
          id: api.logicalId ?? api.name,
          stages: api.stages,
          routes: api.routes.map((r) => [r.routeKey, r.integration, r.authorizer, r.apiKeyRequired]),
          warnings: api.warnings.map((w) => [w.kind, w.code, w.pointer]),
        })),
      ).toEqual(fixture.apis);
    },
  );

  it.each(FIXTURES.map((f) => [f.dir, f] as const))(
    '%s: a request per route answers exactly as recorded here; only pending.ts routes are refused, by name',
    async (_dir, fixture) => {
      const setup = SETUPS[fixture.dir] ?? {};
      const ctx = { idp };
      const source = await sourceOf(fixture, setup, ctx);
      const calls: string[] = [];
      const imported = await importDefinition(source, {
        handlers: handlersFor([...fixture.handlers, ...(setup.extraHandlers ?? [])], setup, calls),
        parameters: PARAMETERS,
        ...(typeof source === 'string' ? {} : { baseDir: `${DIR}/${fixture.dir}` }),
      });
      for (const api of imported.apis) {
        const extra = setup.options?.(ctx) ?? {};
        for (const route of api.routes) {
          const key = `${fixture.dir} ${api.logicalId ?? api.name} ${route.routeKey}`;
          const options = { ...api.options, ...extra } as GatewayOptions;
          const why = refusal(options, route.routeKey);
          expect(why, key).toBe(PENDING_ROUTES[key]);
          if (why !== undefined) continue;
          if (api.apiType === 'WEBSOCKET') {
            calls.length = 0;
            const exchange = await websocketExchange(
              api.options as unknown as WebSocketGatewayOptions,
              route.routeKey,
              calls,
            );
            expect(exchange, key).toEqual(RESPONSES[key]);
            continue;
          }
          const gateway = createGateway({
            ...options,
            routes: { [route.routeKey]: options.routes[route.routeKey]! },
          });
          const response = await gateway.fetch(
            await requestFor(gateway, route, options, await setup.requests?.[route.routeKey]?.(ctx)),
          );
          const text = await response.text();
          const expected = RESPONSES[key];
          expect(
            { status: response.status, body: typeof expected?.body === 'string' ? text : JSON.parse(text) },
            key,
          ).toEqual(expected);
        }
      }
    },
  );

  it('pending.ts lists no route that no longer exists', () => {
    const keys = new Set(
      FIXTURES.flatMap((f) =>
        f.apis.flatMap((api) => api.routes.map(([routeKey]) => `${f.dir} ${api.id} ${routeKey}`)),
      ),
    );
    expect(Object.keys(PENDING_ROUTES).filter((k) => !keys.has(k))).toEqual([]);
  });
});
