import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../../src/gateway/index.js';
import { HOST, wire } from '../helpers.js';
import { petsApi } from './pets-api.js';
import { startDynalite, startS3rver, type TestServer } from './servers.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('AWS service integrations against AWS-compatible servers (SigV4-signed through fetch)', () => {
  let dynamo: TestServer;
  let s3: TestServer;
  beforeAll(async () => {
    [dynamo, s3] = await Promise.all([startDynalite(), startS3rver(['photos'])]);
    const { CreateTableCommand, DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const client = new DynamoDBClient({ endpoint: dynamo.url, region: 'us-east-1', credentials });
    await client.send(
      new CreateTableCommand({
        TableName: 'pets',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    client.destroy();
  });
  afterAll(async () => {
    await Promise.all([dynamo.close(), s3.close()]);
  });

  it('a DynamoDB PutItem made through the gateway can be read back with @aws-sdk/client-dynamodb (dynalite)', async () => {
    const g = createGateway(petsApi({ awsEndpoint: { dynamodb: dynamo.url } }));
    const { response, trace } = await g.handle(`${HOST}/dev/pets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name": "Rex", "species": "dog"}',
    });
    expect(await wire(response)).toMatchObject({
      status: 201,
      body: `{"id": "${trace.requestId}"}`,
      headers: { location: '/pets' },
    });
    const { DynamoDBClient, GetItemCommand } = await import('@aws-sdk/client-dynamodb');
    const client = new DynamoDBClient({ endpoint: dynamo.url, region: 'us-east-1', credentials });
    const item = await client.send(
      new GetItemCommand({ TableName: 'pets', Key: { id: { S: trace.requestId } } }),
    );
    client.destroy();
    expect(item.Item).toEqual({ id: { S: trace.requestId }, name: { S: 'Rex' }, species: { S: 'dog' } });
    expect(trace.executionLog).toContain(`Sending request to ${dynamo.url}/?Action=PutItem`);
  });

  it('calls are SigV4-signed for the service and region of the URI', async () => {
    const g = createGateway(petsApi({ awsEndpoint: dynamo.url }));
    const { trace } = await g.handle(`${HOST}/dev/pets`, {
      method: 'POST',
      body: '{"name": "A", "species": "cat"}',
    });
    const headersLine = trace.executionLog?.find((l) => l.startsWith('Endpoint request headers:')) ?? '';
    expect(headersLine).toMatch(
      /authorization=AWS4-HMAC-SHA256 Credential=test\/\d{8}\/us-east-1\/dynamodb\/aws4_request/,
    );
  });

  it('S3 path URIs store the exact bytes (binaryMediaTypes) and GetObject returns them (s3rver)', async () => {
    const route = {
      methodResponses: { '200': { responseParameters: { 'method.response.header.Content-Type': false } } },
      requestParameters: { 'method.request.header.Content-Type': false },
      integration: {
        type: 'AWS' as const,
        uri: 'arn:aws:apigateway:us-east-1:s3:path/photos/{key}',
        httpMethod: 'ANY',
        requestParameters: {
          'integration.request.path.key': 'method.request.path.key',
          'integration.request.header.Content-Type': 'method.request.header.Content-Type',
        },
        integrationResponses: [
          {
            statusCode: '200',
            responseParameters: {
              'method.response.header.Content-Type': 'integration.response.header.Content-Type',
            },
          },
        ],
      },
    };
    // s3rver's built-in key pair (it checks the key id and the signature).
    const g = createGateway({
      binaryMediaTypes: ['image/png'],
      awsEndpoint: { s3: s3.url },
      awsCredentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      routes: { 'ANY /{key}': route },
    });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0xfe]);
    const put = await g.fetch(`${HOST}/dev/dot.png`, {
      method: 'PUT',
      headers: { 'Content-Type': 'image/png' },
      body: bytes,
    });
    expect(put.status).toBe(200);
    const got = await g.fetch(`${HOST}/dev/dot.png`, { headers: { Accept: 'image/png' } });
    expect(got.status).toBe(200);
    expect(got.headers.get('Content-Type')).toBe('image/png');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    const missing = await g.fetch(`${HOST}/dev/nope.png`);
    expect(missing.status).toBe(200);
    expect(await missing.text()).toContain('<Code>NoSuchKey</Code>');
    // A wrong key id is refused by s3rver (403), which the lone default response maps to 200 as well.
    const unsigned = createGateway({ awsEndpoint: s3.url, routes: { 'ANY /{key}': route } });
    expect(await (await unsigned.fetch(`${HOST}/dev/dot.png`)).text()).toContain(
      '<Code>InvalidAccessKeyId</Code>',
    );
  });
});
