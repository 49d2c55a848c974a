// Export (behaviour.md §17.8) and the round trip import → export → import over every collected definition: the
// second export equals the first, so nothing the export writes is lost or changed on the way back in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTestIdentityProvider } from '../../src/auth/index.js';
import { createManualClock } from '../../src/clock/index.js';
import { exportOpenApi, importDefinition, importOpenApi } from '../../src/gateway/definitions/index.js';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/gateway/index.js';
import { FIXTURES, PARAMETERS } from './fixture-expectations.js';
import { SETUPS } from './fixture-setup.js';
import { echo } from './fixture-support.js';
import { PENDING_ROUTES } from './pending.js';

const DIR = 'test/fixtures/definitions';
const idp = createTestIdentityProvider({ userPoolId: 'us-east-1_abc', clientId: 'client1' });
const FUNCTION = /arn:aws:lambda:[^:]*:[^:]*:function:([A-Za-z0-9_-]+)/g;

/** A handler for every function the exported document names. */
function handlersOf(spec: unknown) {
  const names = [...JSON.stringify(spec).matchAll(FUNCTION)].map((m) => m[1]!);
  return Object.fromEntries(names.map((name) => [name, echo(name)]));
}

async function gatewaysOf(dir: string): Promise<Gateway[]> {
  const fixture = FIXTURES.find((f) => f.dir === dir)!;
  const setup = SETUPS[dir] ?? {};
  const file = `${DIR}/${dir}/${fixture.file}`;
  let source: string | Record<string, unknown> = file;
  if (setup.substitute) {
    let text = readFileSync(file, 'utf8');
    for (const [from, to] of Object.entries(setup.substitute({ idp }))) text = text.replaceAll(from, to);
    source = parse(text) as Record<string, unknown>;
  }
  const keys = [...fixture.handlers, ...(setup.extraHandlers ?? [])];
  const imported = await importDefinition(source, {
    handlers: Object.fromEntries(keys.map((k) => [k, echo(k)])),
    parameters: PARAMETERS,
    ...(typeof source === 'string' ? {} : { baseDir: `${DIR}/${dir}` }),
  });
  return imported.apis
    .filter((api) => api.apiType !== 'WEBSOCKET')
    .map((api) => {
      // Routes AWS or the simulator refuses (test/definitions/pending.ts) stay out.
      const routes = Object.fromEntries(
        Object.entries(api.options.routes).filter(
          ([key]) => PENDING_ROUTES[`${dir} ${api.logicalId ?? api.name} ${key}`] === undefined,
        ),
      );
      return createGateway({ ...(api.options as GatewayOptions), routes });
    });
}

const restAndHttp = FIXTURES.filter((f) => !f.dir.includes('websocket')).map((f) => f.dir);

describe('import → export → import', () => {
  it.each(restAndHttp)('%s: the second export equals the first (OpenAPI 3, every extension)', async (dir) => {
    for (const gateway of await gatewaysOf(dir)) {
      const first = exportOpenApi(gateway, { extensions: 'apigateway' });
      const again = await importOpenApi(first, {
        apiType: gateway.info.apiType,
        apiId: gateway.info.apiId,
        handlers: handlersOf(first),
      });
      const second = exportOpenApi(createGateway({ ...again.options, stage: { name: gateway.info.stage } }), {
        extensions: 'apigateway',
      });
      expect(second).toEqual(first);
      expect(again.routes.map((r) => r.routeKey)).toEqual(gateway.info.routes);
    }
  });

  it.each(restAndHttp.filter((dir) => !dir.includes('http-api') && dir !== 'cdk-http-api-lambda'))(
    '%s: the same through Swagger 2.0',
    async (dir) => {
      for (const gateway of await gatewaysOf(dir)) {
        if (gateway.info.apiType !== 'REST') continue;
        const first = exportOpenApi(gateway, { format: 'swagger', extensions: 'apigateway' });
        const again = await importOpenApi(first, { apiId: gateway.info.apiId, handlers: handlersOf(first) });
        const second = exportOpenApi(
          createGateway({ ...again.options, stage: { name: gateway.info.stage } }),
          {
            format: 'swagger',
            extensions: 'apigateway',
          },
        );
        expect(second).toEqual(first);
      }
    },
  );
});

describe('what AWS’s export gives (behaviour.md §17.8)', () => {
  const pets = () =>
    createGateway({
      name: 'pets',
      apiId: 'a1b2c3d4e5',
      clock: createManualClock(),
      authorizers: {
        Token: {
          type: 'TOKEN',
          handler: async () => ({
            principalId: 'u',
            policyDocument: { Version: '2012-10-17', Statement: [] },
          }),
          identitySource: 'method.request.header.Auth',
        },
      },
      routes: {
        'GET /pets/{id}': {
          integration: { type: 'AWS_PROXY', handler: echo('get') },
          authorizer: 'Token',
          apiKeyRequired: true,
        },
      },
    });

  it('Swagger: host, basePath /{stage}, https; a version from the deployment’s date when the API has none', () => {
    const spec = exportOpenApi(pets(), { format: 'swagger' });
    expect(spec).toMatchObject({
      swagger: '2.0',
      info: { title: 'pets', version: '2024-01-01T00:00:00Z' },
      host: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
      basePath: '/dev',
      schemes: ['https'],
    });
  });

  it('OpenAPI 3: the server URL with a basePath variable defaulting to the stage', () => {
    expect(exportOpenApi(pets()).servers).toEqual([
      {
        url: 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/{basePath}',
        variables: { basePath: { default: 'dev' } },
      },
    ]);
  });

  it('without extensions there is no integration and no security; integrations adds integrations only', () => {
    const gateway = pets();
    const operation = (extensions: 'none' | 'integrations' | 'apigateway') =>
      (
        exportOpenApi(gateway, { extensions }).paths as Record<
          string,
          Record<string, Record<string, unknown>>
        >
      )['/pets/{id}']!.get!;
    expect(Object.keys(operation('none'))).toEqual(['parameters', 'responses']);
    expect(Object.keys(operation('integrations'))).toEqual([
      'parameters',
      'responses',
      'x-amazon-apigateway-integration',
    ]);
    expect(operation('apigateway').security).toEqual([{ Token: [], api_key: [] }]);
  });

  it('a stage exports what it serves: an edit not deployed yet is not in it', () => {
    const gateway = pets();
    gateway.update({ routes: { 'GET /owners': echo('owners') } });
    expect(Object.keys(exportOpenApi(gateway).paths as object)).toEqual(['/pets/{id}']);
    gateway.deploy({ stage: 'dev' });
    expect(Object.keys(exportOpenApi(gateway).paths as object)).toEqual(['/pets/{id}', '/owners']);
  });

  it('HTTP APIs export OpenAPI 3 only, with extensions by default', () => {
    const http = createGateway({ apiType: 'HTTP', routes: { 'GET /pets': echo('h') } });
    expect(() => exportOpenApi(http, { format: 'swagger' })).toThrow(
      expect.objectContaining({ code: 'DEFINITION_EXPORT_FAILED' }),
    );
    expect(exportOpenApi(http)).toMatchObject({
      'x-amazon-apigateway-importexport-version': '1.0',
      paths: {
        '/pets': {
          get: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', payloadFormatVersion: '2.0' } },
        },
      },
    });
  });
});
