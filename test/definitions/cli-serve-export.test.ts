// apigw-testkit serve <definition> and export <definition>: a SAM template or an OpenAPI file served like `sam local
// start-api` (in-process, milliseconds), and exported as API Gateway exports a stage.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startServe } from '../adapters/helpers.js';
import { runCliCapture } from '../run-cli.js';

const FIXTURES = resolve('test/fixtures/definitions');
const dir = mkdtempSync(join(tmpdir(), 'apigw-serve-definition-'));

describe('apigw-testkit serve <definition>', () => {
  it('serves a SAM template, loading its handler from CodeUri + Handler like sam local', async () => {
    const serve = startServe([join(FIXTURES, 'sam-hello-world/template.yaml'), '--port', '0']);
    const origin = await serve.origin();
    expect(serve.out.join('')).toContain(`  # GET /hello\n  curl -i ${origin}/Prod/hello\n`);
    const response = await fetch(`${origin}/Prod/hello`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      message: 'hello world',
      path: '/hello',
      function: 'HelloWorldFunction',
    });
    expect(await serve.stop()).toBe(0);
    expect(serve.out.join('')).toMatch(/\nGET \/Prod\/hello 200 \d+ms cache=- throttle=ok\n/);
  });

  it('serves an OpenAPI file with handlers from --handlers (keyed by operationId)', async () => {
    const handlers = join(dir, 'handlers.mjs');
    writeFileSync(
      handlers,
      `export const listPets = async () => ({ statusCode: 200, body: '[{"id":1}]' });
export const showPetById = async (event) => ({ statusCode: 200, body: JSON.stringify({ id: event.pathParameters.petId }) });
export const createPets = async () => ({ statusCode: 201 });
`,
    );
    const serve = startServe([
      join(FIXTURES, 'oai-petstore/petstore.yaml'),
      '--handlers',
      handlers,
      '--port',
      '0',
    ]);
    const origin = await serve.origin();
    expect(await (await fetch(`${origin}/dev/pets`)).text()).toBe('[{"id":1}]');
    expect(await (await fetch(`${origin}/dev/pets/42`)).json()).toEqual({ id: '42' });
    expect((await fetch(`${origin}/dev/pets`, { method: 'POST' })).status).toBe(201);
    expect(await serve.stop()).toBe(0);
  });

  it('--api names an API of the definition; an unknown one is a usage error listing them', async () => {
    const template = join(FIXTURES, 'sam-hello-world/template.yaml');
    const result = await runCliCapture(['serve', template, '--api', 'Nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no API named "Nope"');
    expect(result.stderr).toContain('ServerlessRestApi (REST)');
  });
});

describe('apigw-testkit export <definition>', () => {
  it('writes the API as OpenAPI 3 with every extension, without loading code, as YAML to a file', async () => {
    const out = join(dir, 'export.yaml');
    const result = await runCliCapture([
      'export',
      join(FIXTURES, 'sam-hello-world/template.yaml'),
      '--extensions',
      'apigateway',
      '--output',
      'yaml',
      '--out',
      out,
    ]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const spec = parse(readFileSync(out, 'utf8'));
    expect(spec.openapi).toBe('3.0.1');
    expect(spec.servers[0].variables.basePath.default).toBe('Prod');
    expect(spec.paths['/hello'].get['x-amazon-apigateway-integration']).toEqual({
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:HelloWorldFunction/invocations',
    });
  });

  it('writes Swagger 2.0 without extensions to standard output', async () => {
    const result = await runCliCapture([
      'export',
      join(FIXTURES, 'oai-petstore/petstore.yaml'),
      '--format',
      'swagger',
    ]);
    expect(result.code).toBe(0);
    const spec = JSON.parse(result.stdout);
    expect([spec.swagger, spec.basePath, Object.keys(spec.paths)]).toEqual([
      '2.0',
      '/dev',
      ['/pets', '/pets/{petId}'],
    ]);
    expect(spec.paths['/pets'].get['x-amazon-apigateway-integration']).toBeUndefined();
  });

  it('refuses a WebSocket API, which AWS does not export', async () => {
    const result = await runCliCapture(['export', join(FIXTURES, 'sam-websocket-chat/template.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('WebSocket APIs have no OpenAPI export');
  });
});
