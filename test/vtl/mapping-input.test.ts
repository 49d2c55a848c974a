import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { mappingInputFromEvent, mappingInputFromRequest, renderTemplate } from '../../src/vtl/index.js';

const event = {
  resource: '/pets/{id}',
  path: '/pets/7',
  httpMethod: 'POST',
  headers: { 'Content-Type': 'application/json', 'User-Agent': 'curl/8.0' },
  multiValueHeaders: {},
  queryStringParameters: { q: 'dogs' },
  multiValueQueryStringParameters: null,
  pathParameters: { id: '7' },
  stageVariables: { v: '2' },
  body: '{"name":"Rex"}',
  isBase64Encoded: false,
  requestContext: {
    accountId: '111122223333',
    apiId: 'api1',
    httpMethod: 'POST',
    path: '/dev/pets/7',
    protocol: 'HTTP/1.1',
    requestId: 'req-1',
    requestTimeEpoch: 1700000000000,
    resourceId: 'r1',
    resourcePath: '/pets/{id}',
    stage: 'dev',
    authorizer: { principalId: 'me', n: 5 },
    identity: { sourceIp: '198.51.100.1', userAgent: 'curl/8.0' },
  },
} as unknown as APIGatewayProxyEvent;

describe('mappingInputFromEvent', () => {
  it('carries body, parameters, stage variables and context values of a REST proxy event', () => {
    const out = renderTemplate(
      "$input.path('$.name') $input.params('id') $input.params('q') $input.params('Content-Type') $stageVariables.v $context.requestId $context.path $context.identity.sourceIp $context.authorizer.principalId $context.authorizer.n",
      mappingInputFromEvent(event),
    ).output;
    expect(out).toBe('Rex 7 dogs application/json 2 req-1 /dev/pets/7 198.51.100.1 me 5');
  });
  it('a null body stays null, so $input.body reads {}', () => {
    expect(mappingInputFromEvent({ ...event, body: null }).body).toBeNull();
  });
});

describe('mappingInputFromRequest', () => {
  it('reads the body, query (last value of a repeated key), headers and the method', async () => {
    const request = new Request('https://x.test/pets/7?q=a&q=b', {
      method: 'PUT',
      body: '{"n":1}',
      headers: { 'X-Test': 'yes' },
    });
    const input = await mappingInputFromRequest(request, {
      pathParameters: { id: '7' },
      stageVariables: { v: '1' },
      context: { stage: 'prod' },
    });
    const out = renderTemplate(
      "$input.json('$.n') $input.params('q') $input.params('x-test') $input.params('id') $context.httpMethod $context.stage $stageVariables.v",
      input,
    ).output;
    expect(out).toBe('1 b yes 7 PUT prod 1');
  });
  it('an empty body becomes null', async () => {
    expect((await mappingInputFromRequest(new Request('https://x.test/'))).body).toBeNull();
  });
  it('refuses unknown options', async () => {
    await expect(
      mappingInputFromRequest(new Request('https://x.test/'), { stage: 'x' } as never),
    ).rejects.toMatchObject({ code: 'UNKNOWN_OPTION' });
  });
});
