// `apigw-testkit routes <definition>`: the route table the import produced, without loading code.
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../run-cli.js';

const run = runCliCapture;

describe('apigw-testkit routes', () => {
  it('prints method, path, integration, authorizer and API key per route, with the stages and notes', async () => {
    const { code, stdout } = await run([
      'routes',
      'test/fixtures/definitions/ls-openapi-terraform/openapi.json',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'local-api (REST API)',
        'METHOD   PATH  INTEGRATION                                AUTHORIZER  API KEY',
        'GET      /     AWS_PROXY s3OnObjectCreatedLambda-60c92b6  NONE        yes',
        'OPTIONS  /     MOCK                                       NONE        no',
        '  note: /paths/~1/get/x-amazon-apigateway-integration/contentHandling: contentHandling is not used by proxy integrations',
        '  note: /paths/~1/get/x-amazon-apigateway-integration/passthroughBehavior: passthroughBehavior is not used by proxy integrations',
        '  note: /paths/~1/get/x-amazon-apigateway-integration/responses: integration responses are not used by AWS_PROXY integrations',
        '',
      ].join('\n'),
    );
  });

  it('reads a SAM template without loading its code, and takes parameters', async () => {
    const { code, stdout } = await run([
      'routes',
      'test/fixtures/definitions-local/env/template.yaml',
      '--parameter',
      'Stage=prod',
      '--parameter',
      'Tier=paid',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Api (REST API, stages: prod, Stage)',
        'METHOD  PATH      INTEGRATION            AUTHORIZER  API KEY',
        'GET     /pets     AWS_PROXY Pets:live    NONE        no',
        'GET     /owners   AWS_PROXY owners-prod  NONE        no',
        'GET     /premium  AWS_PROXY Premium      NONE        no',
        '',
      ].join('\n'),
    );
  });

  it('--json prints the description; --basepath applies to OpenAPI files', async () => {
    const { stdout } = await run([
      'routes',
      'test/fixtures/definitions/ls-basepath-url/openapi.yaml',
      '--basepath',
      'split',
      '--json',
    ]);
    const parsed = JSON.parse(stdout) as { format: string; apis: { routes: { routeKey: string }[] }[] };
    expect(parsed.format).toBe('openapi');
    expect(parsed.apis[0]!.routes.map((r) => r.routeKey)).toEqual(['GET /part/test', 'OPTIONS /part/test']);
  });

  it('a definition AWS would refuse exits 1 with the error line; usage mistakes exit 2', async () => {
    const refused = await run([
      'routes',
      'test/fixtures/definitions/oai-petstore-minimal/petstore-minimal.yaml',
      '--api-type',
      'HTTP',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /petstore-minimal\.yaml: HTTP APIs import OpenAPI 3\.0 only; this is Swagger 2\.0\. .* \[DEFINITION_UNSUPPORTED_VERSION\]\n$/,
    );
    expect((await run(['routes'])).code).toBe(2);
    expect((await run(['routes', 'x.yaml', '--basepath', 'drop'])).stderr).toContain(
      '--basepath is ignore, prepend or split, got "drop"',
    );
  });

  it('has --help', async () => {
    const { code, stdout } = await run(['routes', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: apigw-testkit routes <definition> [options]');
    expect(stdout).toContain('--parameter <Name=value>');
  });
});
