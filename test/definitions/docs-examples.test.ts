// The examples of docs/definitions.md, run as written (the repository's fixture files stand in for openapi.yaml,
// petstore.yaml, template.yaml and the cdk.out template).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportOpenApi, importOpenApi, importTemplate } from '../../src/gateway/definitions/index.js';
import { createGateway, type LambdaHandler } from '../../src/gateway/index.js';
import { runCliCapture } from '../run-cli.js';

const OPENAPI = 'test/fixtures/definitions-local/docs/openapi.yaml';
const listPets = async () => ({ statusCode: 200, body: '[]' });

describe('docs/definitions.md examples', () => {
  it('export, then import the export again', async () => {
    const api = await importOpenApi(OPENAPI, { handlers: { 'list-pets': listPets } });
    const gateway = createGateway(api.options);
    const spec = exportOpenApi(gateway, { stage: 'dev', format: 'oas30', extensions: 'apigateway' });
    const again = await importOpenApi(spec, {
      apiId: gateway.info.apiId,
      handlers: { 'list-pets': listPets },
    });
    expect(exportOpenApi(createGateway(again.options), { stage: 'dev', extensions: 'apigateway' })).toEqual(
      spec,
    );
    expect(await (await createGateway(again.options).fetch('/dev/pets')).text()).toBe('[]');
  });

  it('OpenAPI: handlers by function name', async () => {
    const api = await importOpenApi(OPENAPI, { handlers: { 'list-pets': listPets } });
    const gateway = createGateway(api.options);
    const response = await gateway.fetch('/dev/pets');
    expect([response.status, await response.text()]).toEqual([200, '[]']);
  });

  it('a plain OpenAPI file with handlers by operationId', async () => {
    const showPetById: LambdaHandler = async (event) => ({
      statusCode: 200,
      body: event.pathParameters?.petId,
    });
    const api = await importOpenApi('test/fixtures/definitions/oai-petstore/petstore.yaml', {
      handlers: { listPets, createPets: listPets, showPetById },
    });
    expect(await (await createGateway(api.options).fetch('/dev/pets/7')).text()).toBe('7');
  });

  it('warnings and failOnWarnings', async () => {
    const api = await importOpenApi(OPENAPI, { handlers: { 'list-pets': listPets } });
    expect(api.warnings).toMatchObject([
      {
        kind: 'warning',
        code: 'INVALID_REQUEST_PARAMETER',
        pointer:
          '/paths/~1test/get/x-amazon-apigateway-integration/requestParameters/integration.request.header.nothing',
      },
    ]);
    expect(api.warnings[0]!.message.startsWith("Invalid format for 'requestParameters'.")).toBe(true);
    await expect(
      importOpenApi(OPENAPI, { failOnWarnings: true, handlers: { 'list-pets': listPets } }),
    ).rejects.toMatchObject({
      code: 'DEFINITION_IMPORT_WARNINGS',
    });
  });

  it('SAM: sam init’s hello-world', async () => {
    const imported = await importTemplate('test/fixtures/definitions/sam-hello-world/template.yaml');
    const gateway = createGateway(imported.api().options);
    const response = await gateway.fetch('/Prod/hello');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ message: 'hello world' });
  });

  it('CDK: a cdk.out stack with inline code and a handler given', async () => {
    const handler = async (event: { path: string }) => ({ statusCode: 200, body: event.path });
    const imported = await importTemplate(
      'test/fixtures/definitions/cdk-lambda-rest-api/LambdaApiIntegrationOptionsStack.template.json',
      { handlers: { myfn8C66D016: handler } },
    );
    const gateway = createGateway(imported.api().options);
    expect(await (await gateway.fetch('/prod/anything/at/all')).text()).toBe('/anything/at/all');
  });

  it('handlers: parameters and environment overrides', async () => {
    const imported = await importTemplate('test/fixtures/definitions-local/env/template.yaml', {
      parameters: { Stage: 'dev' },
      environment: { Parameters: { LOG_LEVEL: 'debug' }, Pets: { TABLE_NAME: 'pets-test' } },
    });
    const body = await (await createGateway(imported.api().options).fetch('/dev/pets')).json();
    expect(body).toMatchObject({ after: 'pets-test', atLoad: 'pets-test' });
  });

  it('apigw-testkit routes prints the table shown on the page', async () => {
    const page = readFileSync('docs/definitions.md', 'utf8');
    const block = /npx apigw-testkit routes (\S+)\n```\n\n```text\n([\s\S]*?)```/.exec(page)!;
    const { stdout } = await runCliCapture(['routes', block[1]!]);
    expect(stdout).toBe(block[2]);
  });
});
