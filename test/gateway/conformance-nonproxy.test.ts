import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';
import type { AwsServiceCall } from '../../src/gateway/integrations/aws/types.js';
import { HOST } from './helpers.js';
import { echoReply, startBackend, startDynalite, type TestServer } from './integrations/servers.js';

interface Case {
  id: string;
  request: {
    method: string;
    path: string;
    headers: Record<string, string>;
    query: Record<string, string>;
    body: string | null;
  };
  expected: { status: number; headers: Record<string, string>; body: string | null; body_compare: string };
  expected_event_subset?: Record<string, unknown>;
  expected_event_headers_absent?: string[];
}

const cases: Case[] = JSON.parse(
  readFileSync(new URL('../fixtures/conformance/gateway-sample-2.json', import.meta.url), 'utf8'),
);
const byId = (id: string): Case => cases.find((c) => c.id === id)!;

async function send(gateway: ReturnType<typeof createGateway>, c: Case): Promise<Response> {
  const query = new URLSearchParams(c.request.query).toString();
  const body = c.request.body;
  return gateway.fetch(`${HOST}/dev${c.request.path}${query ? `?${query}` : ''}`, {
    method: c.request.method,
    headers: c.request.headers,
    ...(body === null
      ? {}
      : { body: body.startsWith('base64:') ? Buffer.from(body.slice(7), 'base64') : body }),
  });
}

/** The S3 set-up the binary cases share: PUT /{object_path+} → S3 PutObject, bytes recorded by a responder. */
function s3Gateway(
  stored: AwsServiceCall[],
  extra: Partial<GatewayOptions>,
  integration: Record<string, unknown>,
) {
  return createGateway({
    clock: createManualClock(),
    services: {
      s3: (call) => {
        stored.push(call);
        return {
          statusCode: 200,
          headers: { ETag: `"${createHash('md5').update(call.bodyBytes).digest('hex')}"` },
        };
      },
    },
    ...extra,
    routes: {
      'ANY /{object_path+}': {
        methodResponses: { '200': { responseParameters: { 'method.response.header.ETag': false } } },
        requestParameters: {
          'method.request.header.Content-Type': false,
          'method.request.header.response-content-type': false,
        },
        integration: {
          type: 'AWS',
          uri: 'arn:aws:apigateway:us-east-1:s3:path/my-bucket/{object_path}',
          httpMethod: 'ANY',
          credentials: 'arn:aws:iam::123456789012:role/apigw-s3',
          requestParameters: {
            'integration.request.path.object_path': 'method.request.path.object_path',
            'integration.request.header.Content-Type': 'method.request.header.Content-Type',
            'integration.request.querystring.response-content-type':
              'method.request.header.response-content-type',
          },
          integrationResponses: [
            {
              statusCode: '200',
              responseParameters: { 'method.response.header.ETag': 'integration.response.header.ETag' },
            },
          ],
          ...integration,
        },
      },
    },
  });
}

describe('recorded AWS cases: AWS service integrations, binary contentHandling (gateway-sample-2.json)', () => {
  it("'rest-binary-request-convert-to-binary-decodes-text': a text payload with CONVERT_TO_BINARY is base64-decoded before S3 gets it", async () => {
    const c = byId('rest-binary-request-convert-to-binary-decodes-text');
    const stored: AwsServiceCall[] = [];
    const response = await send(s3Gateway(stored, {}, { contentHandling: 'CONVERT_TO_BINARY' }), c);
    expect(response.status).toBe(c.expected.status);
    expect(await response.text()).toBe(c.expected.body);
    expect(Buffer.from(stored[0]!.bodyBytes).toString('base64')).toBe(
      c.expected_event_subset!.integration_request_body_base64,
    );
    expect(createHash('md5').update(stored[0]!.bodyBytes).digest('hex')).toBe(
      '1e5a1bfed5308938e5549848bab02ac6',
    );
    expect(stored[0]!.method).toBe('PUT');
    expect(stored[0]!.path).toBe('/my-bucket/binary-encoded');
  });

  it("'rest-binary-request-convert-to-binary-template-match-500': a CONVERT_TO_BINARY payload that matches a request template is a 500", async () => {
    const c = byId('rest-binary-request-convert-to-binary-template-match-500');
    const stored: AwsServiceCall[] = [];
    const gateway = s3Gateway(
      stored,
      {},
      {
        contentHandling: 'CONVERT_TO_BINARY',
        requestTemplates: { 'application/json': '{"data": "$input.body"}' },
      },
    );
    const response = await send(gateway, c);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message": "Internal server error"}');
    expect(stored).toHaveLength(0);
  });

  it("'rest-binary-request-matching-media-type-passthrough': a Content-Type in binaryMediaTypes reaches S3 as the exact bytes", async () => {
    const c = byId('rest-binary-request-matching-media-type-passthrough');
    const stored: AwsServiceCall[] = [];
    const response = await send(s3Gateway(stored, { binaryMediaTypes: ['image/png'] }, {}), c);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(Buffer.from(stored[0]!.bodyBytes).toString('base64')).toBe(
      c.expected_event_subset!.integration_request_body_base64,
    );
  });

  it('the same bytes as text/plain without binaryMediaTypes reach S3 mangled (invalid UTF-8 becomes U+FFFD)', async () => {
    const c = byId('rest-binary-request-matching-media-type-passthrough');
    const stored: AwsServiceCall[] = [];
    await send(s3Gateway(stored, {}, {}), {
      ...c,
      request: { ...c.request, headers: { 'Content-Type': 'text/plain' } },
    });
    const raw = Buffer.from(c.request.body!.slice(7), 'base64');
    expect(Buffer.from(stored[0]!.bodyBytes).equals(raw)).toBe(false);
    expect(Buffer.from(stored[0]!.bodyBytes).toString('utf8')).toBe(raw.toString('utf8'));
  });

  it("'rest-svc-s3-missing-key-error-mapped-to-200': S3's 404 maps onto the lone default 200 and its XML passes through", async () => {
    const c = byId('rest-svc-s3-missing-key-error-mapped-to-200');
    const gateway = createGateway({
      clock: createManualClock(),
      services: {
        s3: (call) => ({
          statusCode: 404,
          headers: { 'Content-Type': 'application/xml' },
          body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${call.path.split('/').slice(2).join('/')}</Key><RequestId>R1</RequestId><HostId>H1</HostId></Error>`,
        }),
      },
      routes: {
        'ANY /{object_path+}': {
          methodResponses: { '200': {} },
          requestParameters: {
            'method.request.path.object_path': true,
            'method.request.header.Content-Type': false,
          },
          integration: {
            type: 'AWS',
            uri: 'arn:aws:apigateway:us-east-1:s3:path/my-bucket/{object_path}',
            httpMethod: 'ANY',
            credentials: 'arn:aws:iam::123456789012:role/apigw-s3',
            requestParameters: {
              'integration.request.path.object_path': 'method.request.path.object_path',
              'integration.request.header.Content-Type': 'method.request.header.Content-Type',
            },
            integrationResponses: [{ statusCode: '200' }],
          },
        },
      },
    });
    const response = await send(gateway, c);
    expect(response.status).toBe(200);
    const text = await response.text();
    const pattern = new RegExp(
      `^${c.expected.body!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('<\\.\\.\\.>', '[^<]+')}$`,
    );
    expect(text).toMatch(pattern);
    expect(text).toContain('<Key>test.json</Key>');
  });

  it("'rest-svc-sqs-empty-request-body-sends-braces': a POST without body or Content-Type selects the application/json template; $input.body is {}", async () => {
    const c = byId('rest-svc-sqs-empty-request-body-sends-braces');
    const calls: AwsServiceCall[] = [];
    const gateway = createGateway({
      clock: createManualClock(),
      services: {
        sqs: (call) => {
          calls.push(call);
          const body = new URLSearchParams(call.body).get('MessageBody') ?? '';
          const md5 = createHash('md5').update(body).digest('hex');
          return {
            statusCode: 200,
            headers: { 'Content-Type': 'text/xml' },
            body: `<SendMessageResponse><MD5OfMessageBody>${md5}</MD5OfMessageBody></SendMessageResponse>`,
          };
        },
      },
      routes: {
        'POST /sqs': {
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            uri: 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/my-queue',
            httpMethod: 'POST',
            credentials: 'arn:aws:iam::123456789012:role/apigw-sqs',
            requestParameters: {
              'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'",
            },
            requestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$input.body' },
            passthroughBehavior: 'NEVER',
            integrationResponses: [
              {
                statusCode: '200',
                responseTemplates: { 'application/json': '{"message": "great success!"}' },
              },
            ],
          },
        },
      },
    });
    const response = await send(gateway, c);
    expect(response.status).toBe(200);
    expect(JSON.parse(await response.text())).toEqual(JSON.parse(c.expected.body!));
    const call = calls[0]!;
    expect(call.url).toBe('https://sqs.us-east-1.amazonaws.com/123456789012/my-queue');
    expect(call.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(call.body).get('MessageBody')).toBe(c.expected_event_subset!.sqs_message_body);
    expect(createHash('md5').update('{}').digest('hex')).toBe(c.expected_event_subset!.sqs_md5_of_body);
    expect(call.credentials).toBe('arn:aws:iam::123456789012:role/apigw-sqs');
  });
});

describe('recorded AWS cases against real backends (loopback HTTP server, dynalite)', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let dynamo: TestServer;
  beforeAll(async () => {
    backend = await startBackend(echoReply);
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    await backend.close();
    await dynamo.close();
  });

  it("'rest-http-nonproxy-backend-sees-only-gateway-headers': the client's headers are not forwarded; API Gateway's own are", async () => {
    const c = byId('rest-http-nonproxy-backend-sees-only-gateway-headers');
    const sent: Headers[] = [];
    const gateway = createGateway({
      clock: createManualClock(),
      fetch: (input, init) => {
        sent.push(new Headers(init?.headers));
        return globalThis.fetch(input, init);
      },
      routes: {
        'POST /test': {
          methodResponses: { '200': {} },
          integration: {
            type: 'HTTP',
            uri: `${backend.url}/`,
            httpMethod: 'POST',
            integrationResponses: [
              { statusCode: '200', responseTemplates: { 'application/json': "$input.json('$')" } },
            ],
          },
        },
      },
    });
    const response = await send(gateway, c);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    const body = JSON.parse(await response.text());
    expect({ method: body.method, path: body.path, args: body.args }).toEqual(JSON.parse(c.expected.body!));
    expect(body.data).toBe(c.request.body);
    const expected = c.expected_event_subset!.headers as Record<string, string>;
    const seen = backend.seen.at(-1)!.headers;
    for (const [name, value] of Object.entries(expected))
      expect(seen[name]).toBe(value.replace('<api-id>', 'abcd1234ef'));
    expect(seen['x-amzn-trace-id']).toMatch(/^Root=1-/);
    expect([seen['x-forwarded-for'], seen['x-forwarded-port'], seen['x-forwarded-proto']]).toEqual([
      '203.0.113.9',
      '443',
      'https',
    ]);
    // What the gateway handed to fetch carries no Accept-Encoding (Node's fetch adds its own on the wire).
    for (const name of c.expected_event_headers_absent!) expect(sent[0]!.has(name)).toBe(false);
    expect(response.headers.get('x-amzn-Remapped-Content-Length')).toBeNull();
    expect(response.headers.get('X-Backend')).toBeNull();
  });

  it("'rest-http-nonproxy-status-selection-pattern-4xx': a backend 404 matches the 4\\d{2} pattern and is sent as 400", async () => {
    const c = byId('rest-http-nonproxy-status-selection-pattern-4xx');
    const gateway = createGateway({
      clock: createManualClock(),
      routes: {
        'GET /{status}': {
          requestParameters: { 'method.request.path.status': true },
          methodResponses: { '200': {}, '400': {} },
          integration: {
            type: 'HTTP',
            uri: `${backend.url}/status/{status}`,
            httpMethod: 'GET',
            requestParameters: { 'integration.request.path.status': 'method.request.path.status' },
            integrationResponses: [{ statusCode: '200' }, { statusCode: '400', selectionPattern: '4\\d{2}' }],
          },
        },
      },
    });
    expect((await send(gateway, c)).status).toBe(400);
    expect(backend.seen.at(-1)!.path).toBe('/status/404');
    // A 500 matches no pattern: the default response (200) takes it.
    expect((await gateway.fetch(`${HOST}/dev/500`)).status).toBe(200);
  });

  it("'rest-svc-dynamodb-query-no-match': a Query matching nothing is 200 with Count 0 from a real DynamoDB (dynalite)", async () => {
    const c = byId('rest-svc-dynamodb-query-no-match');
    const { CreateTableCommand, DynamoDBClient, PutItemCommand } = await import('@aws-sdk/client-dynamodb');
    const client = new DynamoDBClient({
      endpoint: dynamo.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await client.send(
      new CreateTableCommand({
        TableName: 'conformance',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    for (const id of ['test', 'test2', 'test 3']) {
      await client.send(new PutItemCommand({ TableName: 'conformance', Item: { id: { S: id } } }));
    }
    client.destroy();
    const gateway = createGateway({
      awsEndpoint: dynamo.url,
      routes: {
        'POST /test': {
          requestParameters: { 'method.request.querystring.id': false },
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/Query',
            httpMethod: 'POST',
            credentials: 'arn:aws:iam::123456789012:role/apigw-dynamodb',
            requestTemplates: {
              'application/json':
                '{"TableName": "conformance", "KeyConditionExpression": "id = :v", "ExpressionAttributeValues": {":v": {"S": "$input.params(\'id\')"}}}',
            },
            integrationResponses: [
              { statusCode: '200', responseTemplates: { 'application/json': "$input.json('$')" } },
            ],
          },
        },
      },
    });
    const response = await send(gateway, c);
    expect(response.status).toBe(200);
    expect(JSON.parse(await response.text())).toEqual(JSON.parse(c.expected.body!));
    expect((await (await gateway.fetch(`${HOST}/dev/test?id=test2`, { method: 'POST' })).json()).Count).toBe(
      1,
    );
  });
});
