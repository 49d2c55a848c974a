// biome-ignore-all lint/suspicious/noTemplateCurlyInString: definitions hold ${AWS::Region} and ${placeholders} literally
// OpenAPI / Swagger import rules (behaviour.md §17): base path modes, warnings and failOnWarnings, pseudo-parameter
// substitution, extensions mapped onto createGateway options, security, handlers by function and operationId.
import { describe, expect, it } from 'vitest';
import { DefinitionError } from '../../src/errors/index.js';
import { describeDefinition, importOpenApi } from '../../src/gateway/definitions/index.js';
import { createGateway } from '../../src/gateway/index.js';

const BASEPATH = 'test/fixtures/definitions/ls-basepath-url/openapi.yaml';
const info = { title: 'pets', version: '1' };
const lambdaUri = (fn: string) =>
  `arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${fn}/invocations`;
const proxy = (fn: string) => ({ type: 'aws_proxy', httpMethod: 'POST', uri: lambdaUri(fn) });
const handler = async () => ({ statusCode: 200, body: 'ok' });

describe('basepath (behaviour.md §17.3, recorded)', () => {
  it.each([
    ['ignore', BASEPATH, ['GET /test', 'OPTIONS /test']],
    ['prepend', BASEPATH, ['GET /base-url/part/test', 'OPTIONS /base-url/part/test']],
    ['split', BASEPATH, ['GET /part/test', 'OPTIONS /part/test']],
    ['split', 'test/fixtures/definitions/ls-swagger-basepath/swagger.json', ['GET /test', 'OPTIONS /test']],
    [
      'prepend',
      'test/fixtures/definitions/ls-swagger-basepath/swagger.json',
      ['GET /base/test', 'OPTIONS /base/test'],
    ],
  ] as const)('basepath=%s on %s gives the recorded resources', async (basepath, file, routes) => {
    const { apis } = await describeDefinition(file, { basepath });
    expect(apis[0]!.routes.map((r) => r.routeKey)).toEqual(routes);
  });

  it('servers[].variables.basePath.default is the base path even when the URL does not use it', async () => {
    const document = {
      openapi: '3.0.1',
      info,
      servers: [{ url: 'https://example.com/other', variables: { basePath: { default: '/base-var' } } }],
      paths: { '/test': { get: { 'x-amazon-apigateway-integration': proxy('f') } } },
    };
    const routes = async (basepath: 'prepend' | 'split') =>
      (await describeDefinition(document, { basepath })).apis[0]!.routes.map((r) => r.routeKey);
    expect(await routes('prepend')).toEqual(['GET /base-var/test']);
    expect(await routes('split')).toEqual(['GET /test']);
  });
});

describe('warnings', () => {
  const document = {
    swagger: '2.0',
    info,
    paths: {
      '/test': {
        get: {
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            requestParameters: { 'integration.request.header.nothing': true },
            responses: {
              default: { statusCode: '200', responseTemplates: { 'application/json': '{"ok":true}' } },
            },
          },
        },
      },
    },
  };

  it('a boolean requestParameters value is AWS’s recorded warning, and the entry is dropped', async () => {
    const api = await importOpenApi(document);
    expect(api.warnings).toEqual([
      {
        kind: 'warning',
        code: 'INVALID_REQUEST_PARAMETER',
        message:
          "Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.nothing' of resource '/test' and method 'GET' but got 'true'",
        file: '<inline>',
        pointer:
          '/paths/~1test/get/x-amazon-apigateway-integration/requestParameters/integration.request.header.nothing',
      },
    ]);
    const response = await createGateway(api.options).fetch('/dev/test');
    expect([response.status, await response.text()]).toEqual([200, '{"ok":true}']);
  });

  it('failOnWarnings turns them into DEFINITION_IMPORT_WARNINGS with the texts (the import is rolled back)', async () => {
    const error = await importOpenApi(document, { failOnWarnings: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as DefinitionError).code).toBe('DEFINITION_IMPORT_WARNINGS');
    expect((error as DefinitionError).message).toContain("Invalid format for 'requestParameters'.");
  });
});

describe('integrations and handlers', () => {
  it('${AWS::Region} and ${AWS::AccountId} are substituted; the function of the ARN gets the handler', async () => {
    const api = await importOpenApi(
      {
        openapi: '3.0.1',
        info,
        paths: { '/pets': { get: { 'x-amazon-apigateway-integration': proxy('list-pets') } } },
      },
      { region: 'eu-west-1', accountId: '111122223333', handlers: { 'list-pets': handler } },
    );
    expect(api.routes).toEqual([
      {
        routeKey: 'GET /pets',
        integration: 'AWS_PROXY list-pets',
        authorizer: 'NONE',
        apiKeyRequired: false,
        pointer: '/paths/~1pets/get',
      },
    ]);
    const response = await createGateway(api.options).fetch(createGateway(api.options).url('/pets'));
    expect(await response.text()).toBe('ok');
  });

  it('an alias in the function ARN is the invoked ARN’s qualifier; handlers may be keyed name:alias', async () => {
    const seen: string[] = [];
    const api = await importOpenApi(
      {
        swagger: '2.0',
        info,
        paths: { '/p': { get: { 'x-amazon-apigateway-integration': proxy('pets:live') } } },
      },
      {
        handlers: {
          'pets:live': async (_event, context) => {
            seen.push(context.invokedFunctionArn, context.functionName, context.functionVersion);
            return { statusCode: 204 };
          },
        },
      },
    );
    expect((await createGateway(api.options).fetch('/dev/p')).status).toBe(204);
    expect(seen).toEqual(['arn:aws:lambda:us-east-1:123456789012:function:pets:live', 'pets', '$LATEST']);
  });

  it('an operation without integration is served by handlers[operationId] (a Lambda proxy)', async () => {
    const api = await importOpenApi('test/fixtures/definitions/oai-petstore/petstore.yaml', {
      handlers: {
        listPets: handler,
        createPets: handler,
        showPetById: async (e) => ({ statusCode: 200, body: e.pathParameters.petId }),
      },
    });
    const response = await createGateway(api.options).fetch('/dev/pets/42');
    expect([response.status, await response.text()]).toEqual([200, '42']);
  });

  it('HTTP API import: integrations by $ref into components, the $default route, payloadFormatVersion as a number', async () => {
    const api = await importOpenApi(
      {
        openapi: '3.0.1',
        info,
        paths: {
          '/pets': {
            get: {
              'x-amazon-apigateway-integration': {
                $ref: '#/components/x-amazon-apigateway-integrations/pets',
              },
            },
          },
          '/$default': {
            'x-amazon-apigateway-any-method': {
              isDefaultRoute: true,
              'x-amazon-apigateway-integration': { ...proxy('fallback'), payloadFormatVersion: 1.0 },
            },
          },
        },
        components: {
          'x-amazon-apigateway-integrations': { pets: { ...proxy('pets'), payloadFormatVersion: '2.0' } },
        },
      },
      {
        apiType: 'HTTP',
        handlers: { pets: handler, fallback: async (e) => ({ statusCode: 200, body: e.resource }) },
      },
    );
    expect(api.routes.map((r) => [r.routeKey, r.integration])).toEqual([
      ['GET /pets', 'AWS_PROXY pets'],
      ['$default', 'AWS_PROXY fallback'],
    ]);
    const gateway = createGateway(api.options);
    expect(await (await gateway.fetch('/pets')).text()).toBe('ok');
    // payloadFormatVersion 1.0 written as a number is payload 1.0: the $default route's event has resource /{proxy+}.
    expect(await (await gateway.fetch('/elsewhere')).text()).toBe('/{proxy+}');
  });

  it('every extension maps to an option createGateway runs: Lambda uris name functions of the functions map', async () => {
    const api = await importOpenApi('test/fixtures/definitions/ls-pulumi-gateway-responses/openapi.json', {
      handlers: { 's3OnObjectCreatedLambda-60c92b6': handler, 'apiGwAuthorizerLambda-2152989': handler },
    });
    expect(Object.keys(api.options).sort()).toEqual(
      [
        'accountId',
        'apiId',
        'apiKeySource',
        'apiType',
        'authorizers',
        'binaryMediaTypes',
        'functions',
        'gatewayResponses',
        'name',
        'region',
        'routes',
        'version',
      ].sort(),
    );
    expect(Object.keys(api.options.functions!)).toEqual([
      's3OnObjectCreatedLambda-60c92b6',
      'apiGwAuthorizerLambda-2152989',
    ]);
    const routes = api.options.routes as unknown as Record<string, { integration: Record<string, unknown> }>;
    expect(routes['GET /just_do_it']!.integration).toEqual({
      type: 'AWS_PROXY',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:000000000000:function:s3OnObjectCreatedLambda-60c92b6/invocations',
    });
    expect(createGateway(api.options).info.routes).toEqual(['OPTIONS /{proxy+}', 'GET /just_do_it']);
  });
});

describe('security (behaviour.md §17.5)', () => {
  it('root security applies to operations without their own; scopes and the x-api-key scheme map through', async () => {
    const { apis } = await describeDefinition('test/fixtures/definitions/ls-cognito-auth/openapi.json');
    const api = await importOpenApi('test/fixtures/definitions/ls-cognito-auth/openapi.json');
    const routes = api.options.routes as unknown as Record<string, Record<string, unknown>>;
    expect(apis[0]!.routes.map((r) => r.authorizer)).toEqual([
      'COGNITO_USER_POOLS cognito-test-identity-source',
      'COGNITO_USER_POOLS cognito-test-identity-source',
      'COGNITO_USER_POOLS extra-test-identity-source',
      'COGNITO_USER_POOLS cognito-test-identity-source',
    ]);
    expect(routes['GET /default-no-scope']).toMatchObject({
      authorizationType: 'COGNITO_USER_POOLS',
      authorizer: 'cognito-test-identity-source',
    });
    expect(routes['GET /default-no-scope']!.authorizationScopes).toBeUndefined();
    expect(routes['GET /non-default-authorizer']!.authorizationScopes).toEqual(['email', 'openid']);
    expect(routes['GET /pets']!.authorizationScopes).toEqual(['email']);
    expect((api.options as unknown as { authorizers: unknown }).authorizers).toEqual({
      'cognito-test-identity-source': {
        type: 'COGNITO_USER_POOLS',
        identitySource: 'method.request.header.TestHeaderAuth',
        providerARNs: ['${cognito_pool_arn}'],
        authType: 'cognito_user_pools',
      },
      'extra-test-identity-source': {
        type: 'COGNITO_USER_POOLS',
        identitySource: 'method.request.header.TestHeaderAuth',
        providerARNs: ['${cognito_pool_arn}'],
        authType: 'cognito_user_pools',
      },
    });
  });
});
