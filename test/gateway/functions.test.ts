// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Lambda ARNs with ${stageVariables.x} are the subject
// Lambda ARNs in integration uris and authorizerUris resolve through the gateway's `functions` map
// (behaviour.md §8.2, §21.5): by name, name:qualifier or ARN, with ${stageVariables.x} substituted per stage.
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayOptions, type LambdaHandler } from '../../src/gateway/index.js';
import { wire } from './helpers.js';

const uri = (fn: string) =>
  `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${fn}/invocations`;

/** Answers with its name and what its Lambda context says. */
const reporting =
  (name: string): LambdaHandler =>
  async (_event: unknown, context: Context) => ({
    statusCode: 200,
    body: JSON.stringify({
      name,
      arn: context.invokedFunctionArn,
      version: context.functionVersion,
      memory: context.memoryLimitInMB,
    }),
  });

const body = async (response: Response) => JSON.parse(await response.text());

describe('Lambda uris resolve through functions', () => {
  it.each([
    [
      'a function name',
      'pets',
      { pets: reporting('pets') },
      'pets',
      'arn:aws:lambda:us-east-1:123456789012:function:pets',
    ],
    [
      'an alias with its own entry',
      'pets:live',
      { pets: reporting('pets'), 'pets:live': reporting('pets:live') },
      'pets:live',
      'arn:aws:lambda:us-east-1:123456789012:function:pets:live',
    ],
    [
      'an alias without an entry runs the function, invoked through the alias',
      'pets:live',
      { pets: reporting('pets') },
      'pets',
      'arn:aws:lambda:us-east-1:123456789012:function:pets:live',
    ],
    [
      'a whole function ARN as key',
      'pets',
      { 'arn:aws:lambda:us-east-1:123456789012:function:pets': reporting('by-arn') },
      'by-arn',
      'arn:aws:lambda:us-east-1:123456789012:function:pets',
    ],
  ])('%s', async (_name, fn, functions, ran, arn) => {
    const gateway = createGateway({
      functions,
      routes: { 'GET /pets': { integration: { type: 'AWS_PROXY', uri: uri(fn) } } },
    });
    expect(await body(await gateway.fetch('/dev/pets'))).toMatchObject({ name: ran, arn });
  });

  it('a numeric qualifier is the function version; the entry sets memory and timeout', async () => {
    const gateway = createGateway({
      functions: { pets: { handler: reporting('pets'), memoryLimitInMB: 512, functionTimeoutMs: 3000 } },
      routes: { 'GET /pets': { integration: { type: 'AWS_PROXY', uri: uri('pets:7') } } },
    });
    expect(await body(await gateway.fetch('/dev/pets'))).toEqual({
      name: 'pets',
      arn: 'arn:aws:lambda:us-east-1:123456789012:function:pets:7',
      version: '7',
      memory: '512',
    });
  });

  it('HTTP APIs take the bare function ARN as the integration uri', async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      functions: { pets: reporting('pets') },
      routes: {
        'GET /pets': {
          integration: { type: 'AWS_PROXY', uri: 'arn:aws:lambda:us-east-1:123456789012:function:pets' },
        },
      },
    });
    expect(await body(await gateway.fetch('/pets'))).toMatchObject({ name: 'pets' });
  });

  it('a Lambda custom (AWS) integration names its function by invocation URI', async () => {
    const gateway = createGateway({
      functions: { adder: async (event: { a: number; b: number }) => ({ sum: event.a + event.b }) },
      routes: {
        'POST /sum': {
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            uri: uri('adder'),
            httpMethod: 'POST',
            integrationResponses: [{ statusCode: '200' }],
          },
        },
      },
    });
    const response = await gateway.fetch('/dev/sum', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":2,"b":3}',
    });
    expect({ status: response.status, body: await response.text() }).toEqual({
      status: 200,
      body: '{"sum":5}',
    });
  });

  it('an authorizer names its function by authorizerUri', async () => {
    const authorizer = async (event: { authorizationToken: string; methodArn: string }) => ({
      principalId: 'u',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: event.authorizationToken === 'yes' ? 'Allow' : 'Deny',
            Resource: event.methodArn,
          },
        ],
      },
    });
    const gateway = createGateway({
      functions: { auth: authorizer, pets: reporting('pets') },
      authorizers: { Token: { type: 'TOKEN', authorizerUri: uri('auth'), authorizerResultTtlInSeconds: 0 } },
      routes: { 'GET /pets': { authorizer: 'Token', integration: { type: 'AWS_PROXY', uri: uri('pets') } } },
    });
    expect((await gateway.fetch('/dev/pets', { headers: { Authorization: 'yes' } })).status).toBe(200);
    expect((await gateway.fetch('/dev/pets', { headers: { Authorization: 'no' } })).status).toBe(403);
  });
});

describe('stage variables in Lambda ARNs (behaviour.md §8.2)', () => {
  const options = (variables: Record<string, string> | undefined): GatewayOptions => ({
    functions: { 'pets:dev': reporting('dev build'), 'pets:prod': reporting('prod build') },
    ...(variables ? { stage: { name: 'dev', variables } } : {}),
    routes: {
      'GET /pets': { integration: { type: 'AWS_PROXY', uri: uri('pets:${stageVariables.alias}') } },
    },
  });

  it.each([
    ['dev', 'dev build', 'arn:aws:lambda:us-east-1:123456789012:function:pets:dev'],
    ['prod', 'prod build', 'arn:aws:lambda:us-east-1:123456789012:function:pets:prod'],
  ])('alias %s selects the handler of that alias', async (alias, ran, arn) => {
    const gateway = createGateway(options({ alias }));
    expect(await body(await gateway.fetch('/dev/pets'))).toMatchObject({ name: ran, arn });
  });

  it.each([
    ['the stage lacks the variable', undefined],
    ['the variable names no function', { alias: 'staging' }],
  ])('%s: 500 Internal server error at request time, nothing invoked', async (_name, variables) => {
    const gateway = createGateway(options(variables));
    const { response, trace } = await gateway.handle('/dev/pets');
    const sent = await wire(response);
    expect([sent.status, sent.body, sent.headers['x-amzn-errortype']]).toEqual([
      500,
      '{"message": "Internal server error"}',
      'InternalServerErrorException',
    ]);
    expect(trace.invocation).toBeUndefined();
    expect(
      trace.executionLog?.some((line) => line.startsWith('Execution failed due to configuration error')),
    ).toBe(true);
  });

  it('the function name itself may be the variable', async () => {
    const gateway = createGateway({
      functions: { 'pets-v2': reporting('v2') },
      stage: { name: 'dev', variables: { fn: 'pets-v2' } },
      routes: { 'GET /pets': { integration: { type: 'AWS_PROXY', uri: uri('${stageVariables.fn}') } } },
    });
    expect(await body(await gateway.fetch('/dev/pets'))).toMatchObject({ name: 'v2' });
  });
});

describe('misuse is refused at once', () => {
  it.each([
    [
      'a static ARN naming no function',
      { functions: {}, routes: { 'GET /x': { integration: { type: 'AWS_PROXY', uri: uri('nope') } } } },
      'GATEWAY_UNKNOWN_FUNCTION',
    ],
    [
      'a uri that is not a Lambda function URI',
      { routes: { 'GET /x': { integration: { type: 'AWS_PROXY', uri: 'https://example.com' } } } },
      'GATEWAY_INVALID_INTEGRATION_URI',
    ],
    [
      'a REST integration with the bare function ARN',
      {
        functions: { pets: reporting('p') },
        routes: {
          'GET /x': {
            integration: { type: 'AWS_PROXY', uri: 'arn:aws:lambda:us-east-1:123456789012:function:pets' },
          },
        },
      },
      'GATEWAY_INVALID_INTEGRATION_URI',
    ],
    [
      'a functions key that is no name',
      { functions: { 'has space': reporting('p') }, routes: {} },
      'GATEWAY_INVALID_FUNCTIONS',
    ],
    [
      'an entry without handler',
      { functions: { pets: {} as never }, routes: {} },
      'GATEWAY_INVALID_FUNCTIONS',
    ],
    [
      'neither handler nor uri',
      { routes: { 'GET /x': { integration: { type: 'AWS_PROXY' } as never } } },
      'GATEWAY_INVALID_HANDLER',
    ],
  ])('%s', (_name, options, code) => {
    expect(() => createGateway(options as GatewayOptions)).toThrow(expect.objectContaining({ code }));
  });
});
