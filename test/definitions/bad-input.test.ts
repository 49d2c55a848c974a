// Definitions AWS would refuse, or that cannot run locally: typed DefinitionErrors naming the file, the JSON pointer
// or template path, and the fix.
import { describe, expect, it } from 'vitest';
import { DefinitionError } from '../../src/errors/index.js';
import { importOpenApi, importTemplate } from '../../src/gateway/definitions/index.js';

const info = { title: 'bad', version: '1' };
const mock = { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } };
const op = (integration: unknown = mock) => ({
  'x-amazon-apigateway-integration': integration,
  responses: {},
});

async function failure(run: () => Promise<unknown>): Promise<DefinitionError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(DefinitionError);
    return error as DefinitionError;
  }
  throw new Error('expected a DefinitionError');
}

describe('OpenAPI documents AWS refuses', () => {
  it.each([
    [
      'an unknown field of x-amazon-apigateway-integration',
      { swagger: '2.0', info, paths: { '/x': { get: op({ ...mock, tyep: 'mock' }) } } },
      'DEFINITION_UNKNOWN_FIELD',
      '<inline>#/paths/~1x/get/x-amazon-apigateway-integration/tyep: x-amazon-apigateway-integration has no field "tyep"',
    ],
    [
      'an integration without type',
      { swagger: '2.0', info, paths: { '/x': { get: op({ httpMethod: 'POST' }) } } },
      'DEFINITION_INVALID_INTEGRATION',
      '<inline>#/paths/~1x/get/x-amazon-apigateway-integration/type: the integration has no "type"',
    ],
    [
      'a $ref to nothing',
      {
        openapi: '3.0.1',
        info,
        paths: { '/x': { get: { ...op(), requestBody: { $ref: '#/components/requestBodies/Pet' } } } },
      },
      'DEFINITION_UNRESOLVED_REF',
      '<inline>#/paths/~1x/get/requestBody: $ref "#/components/requestBodies/Pet" cannot be resolved (nothing is defined there)',
    ],
    [
      'sibling variables {id} and {petId} (a route conflict)',
      { swagger: '2.0', info, paths: { '/pets/{id}': { get: op() }, '/pets/{petId}/toys': { get: op() } } },
      'DEFINITION_ROUTE_CONFLICT',
      '<inline>#/paths/~1pets~1{petId}~1toys/get: route "GET /pets/{petId}/toys" puts {petId} beside {id} under /pets',
    ],
    [
      'an unknown root extension',
      { swagger: '2.0', info, paths: {}, 'x-amazon-apigateway-binary-media-type': ['image/png'] },
      'DEFINITION_UNKNOWN_EXTENSION',
      '<inline>#/x-amazon-apigateway-binary-media-type: x-amazon-apigateway-binary-media-type is not an API Gateway extension at the root of a document',
    ],
    [
      'a security requirement naming no scheme',
      { swagger: '2.0', info, paths: { '/x': { get: { ...op(), security: [{ Missing: [] }] } } } },
      'DEFINITION_UNKNOWN_SECURITY_SCHEME',
      '<inline>#/paths/~1x/get/security/0/Missing: security requirement names "Missing", which no security scheme defines',
    ],
    [
      'an operation without an integration (AWS: "No integration defined for method")',
      { swagger: '2.0', info, paths: { '/x': { get: { responses: {} } } } },
      'DEFINITION_NO_INTEGRATION',
      '<inline>#/paths/~1x/get: GET /x has no x-amazon-apigateway-integration (AWS: "No integration defined for method")',
    ],
    [
      'a document that is neither Swagger 2.0 nor OpenAPI 3',
      { info, paths: {} },
      'DEFINITION_INVALID',
      '<inline>: Invalid OpenAPI input. The document declares neither swagger: "2.0" nor openapi: "3.x" (got undefined)',
    ],
    [
      'a path with characters REST APIs reject',
      { swagger: '2.0', info, paths: { '/pets*': { get: op() } } },
      'DEFINITION_INVALID_PATH',
      '<inline>#/paths/~1pets*: path "/pets*" has characters REST APIs do not accept',
    ],
  ])('%s is a typed error naming the pointer', async (_name, document, code, message) => {
    const error = await failure(() => importOpenApi(document));
    expect(error.code).toBe(code);
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('HTTP APIs refuse Swagger 2.0 and operations with two security requirements (behaviour.md §17.2)', async () => {
    expect(
      (await failure(() => importOpenApi({ swagger: '2.0', info, paths: {} }, { apiType: 'HTTP' }))).code,
    ).toBe('DEFINITION_UNSUPPORTED_VERSION');
    const schemes = {
      A: {
        type: 'oauth2',
        'x-amazon-apigateway-authorizer': { type: 'jwt', jwtConfiguration: { issuer: 'https://i' } },
      },
    };
    const document = {
      openapi: '3.0.1',
      info,
      components: { securitySchemes: schemes },
      paths: {
        '/x': {
          get: {
            ...op({
              type: 'http_proxy',
              uri: 'https://example.com',
              httpMethod: 'GET',
              payloadFormatVersion: '1.0',
            }),
            security: [{ A: [] }, { A: [] }],
          },
        },
      },
    };
    const error = await failure(() => importOpenApi(document, { apiType: 'HTTP' }));
    expect(error.code).toBe('DEFINITION_INVALID_SECURITY');
    expect(error.message).toContain(
      '#/paths/~1x/get/security: HTTP APIs accept one security requirement per operation, got 2',
    );
  });

  it('a file that is not JSON or YAML answers like AWS: "Invalid OpenAPI input."', async () => {
    const error = await failure(() => importOpenApi('test/fixtures/definitions-bad/not-yaml.yaml'));
    expect(error.code).toBe('DEFINITION_INVALID');
    expect(error.message).toMatch(
      /not-yaml\.yaml: Invalid OpenAPI input\. The file is not valid JSON or YAML/,
    );
  });
});

const sam = (resources: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  Transform: 'AWS::Serverless-2016-10-31',
  ...extra,
  Resources: resources,
});
const fn = (events: Record<string, unknown>, props: Record<string, unknown> = {}) => ({
  Type: 'AWS::Serverless::Function',
  Properties: { Handler: 'app.handler', Runtime: 'nodejs20.x', CodeUri: 'src/', Events: events, ...props },
});
const handler = async () => ({ statusCode: 200 });

describe('templates AWS refuses or a local run cannot resolve', () => {
  it.each([
    [
      'a SAM Api event whose RestApiId names no AWS::Serverless::Api',
      sam({
        Fn: fn({
          Get: { Type: 'Api', Properties: { Path: '/x', Method: 'get', RestApiId: { Ref: 'Missing' } } },
        }),
      }),
      'DEFINITION_UNKNOWN_API',
      '<inline>#/Resources/Fn/Properties/Events/Get/Properties/RestApiId: RestApiId must be a Ref to an AWS::Serverless::Api of this template, got {"Ref":"Missing"}',
    ],
    [
      'a parameter without Default nor value',
      sam(
        { Api: { Type: 'AWS::Serverless::Api', Properties: { StageName: { Ref: 'Stage' } } } },
        { Parameters: { Stage: { Type: 'String' } } },
      ),
      'DEFINITION_UNRESOLVED_INTRINSIC',
      '<inline>#/Resources/Api/Properties/StageName/Ref: parameter Stage has no Default and no value was given',
    ],
    [
      'Fn::ImportValue (another stack’s export)',
      sam({
        Api: {
          Type: 'AWS::Serverless::Api',
          Properties: { StageName: { 'Fn::ImportValue': 'shared-stage' } },
        },
      }),
      'DEFINITION_UNRESOLVED_INTRINSIC',
      '<inline>#/Resources/Api/Properties/StageName/Fn::ImportValue: Fn::ImportValue "shared-stage" is another stack\'s export, which a local run cannot read',
    ],
    [
      'a GetAtt only known after deployment',
      sam({
        Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
        Api: {
          Type: 'AWS::Serverless::Api',
          Properties: { StageName: 'dev', Variables: { stream: { 'Fn::GetAtt': ['Table', 'StreamArn'] } } },
        },
      }),
      'DEFINITION_UNRESOLVED_INTRINSIC',
      '<inline>#/Resources/Api/Properties/Variables/stream/Fn::GetAtt: Table.StreamArn (AWS::DynamoDB::Table) is only known once the stack is deployed',
    ],
    [
      "two events on the same path and method (SAM's message)",
      sam({
        A: fn({ Get: { Type: 'Api', Properties: { Path: '/x', Method: 'get' } } }),
        B: fn({ Get: { Type: 'Api', Properties: { Path: '/x', Method: 'GET' } } }),
      }),
      'DEFINITION_DUPLICATE_ROUTE',
      '<inline>#/Resources/B/Properties/Events/Get: API method "get" defined multiple times for path "/x".',
    ],
    [
      'an unknown AWS::Serverless::Api property',
      sam({ Api: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'dev', Corss: "'*'" } } }),
      'DEFINITION_UNKNOWN_FIELD',
      '<inline>#/Resources/Api/Properties/Corss: AWS::Serverless::Api has no property "Corss"',
    ],
  ])('%s is a typed error naming the template path', async (_name, template, code, message) => {
    const error = await failure(() =>
      importTemplate(template, { handlers: { A: handler, B: handler, Fn: handler } }),
    );
    expect(error.code).toBe(code);
    expect(error.message.startsWith(message)).toBe(true);
  });

  it.each([
    [
      'S3 code',
      { CodeUri: 's3://bucket/key.zip' },
      'DEFINITION_CODE_NOT_LOCAL',
      'has its code in S3 (CodeUri "s3://bucket/key.zip")',
    ],
    [
      'inline code',
      { CodeUri: undefined, InlineCode: 'exports.handler = 1' },
      'DEFINITION_CODE_NOT_LOCAL',
      'has inline code (InlineCode)',
    ],
    [
      'a Python runtime',
      { Runtime: 'python3.12' },
      'DEFINITION_RUNTIME_NOT_NODE',
      'runs on python3.12, which this Node.js process cannot load',
    ],
    ['a missing file', { CodeUri: 'nowhere/' }, 'DEFINITION_HANDLER_NOT_FOUND', 'function Fn: no '],
  ])(
    'a function with %s and no handler given is refused with how to fix it',
    async (_name, props, code, text) => {
      const template = sam({
        Fn: fn({ Get: { Type: 'Api', Properties: { Path: '/x', Method: 'get' } } }, props),
      });
      const error = await failure(() =>
        importTemplate(template, { baseDir: 'test/fixtures/definitions-bad' }),
      );
      expect(error.code).toBe(code);
      expect(error.message).toContain(text);
      expect(error.hint).toContain('handlers: { Fn: handler }');
    },
  );
});
