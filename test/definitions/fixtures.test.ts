// Every collected real-world definition (test/fixtures/definitions/*/SOURCE.md): the exact route table and warnings
// of its import, and a request through createGateway per route whose features the simulator has; the other routes
// must be exactly the ones test/definitions/pending.ts lists, refused by createGateway by name.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeDefinition, importDefinition } from '../../src/gateway/definitions/index.js';
import { createGateway } from '../../src/gateway/index.js';
import { FIXTURES, PARAMETERS, RESPONSES } from './fixture-expectations.js';
import { echo, refusal, samplePath } from './fixture-support.js';
import { PENDING_ROUTES } from './pending.js';

const DIR = 'test/fixtures/definitions';
const handlersFor = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, echo(k)]));

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
    '%s: a request per runnable route answers through createGateway; the rest are refused by name',
    async (_dir, fixture) => {
      const imported = await importDefinition(`${DIR}/${fixture.dir}/${fixture.file}`, {
        handlers: handlersFor(fixture.handlers),
        parameters: PARAMETERS,
      });
      for (const api of imported.apis) {
        for (const route of api.routes) {
          const key = `${fixture.dir} ${api.logicalId ?? api.name} ${route.routeKey}`;
          const why = refusal(api.options, route.routeKey);
          expect(why, key).toBe(PENDING_ROUTES[key]);
          if (why !== undefined) continue;
          const options = {
            ...api.options,
            routes: { [route.routeKey]: api.options.routes[route.routeKey]! },
          };
          const gateway = createGateway(options);
          const [method = 'GET', resource = '/'] =
            route.routeKey === '$default' ? ['GET', '/anything'] : route.routeKey.split(' ');
          const keys = api.options.apiKeys;
          const response = await gateway.fetch(gateway.url(samplePath(resource)), {
            method: method === 'ANY' ? 'GET' : method,
            headers: route.apiKeyRequired && keys?.[0] ? { 'x-api-key': keys[0].value } : {},
          });
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
