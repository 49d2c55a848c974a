import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock/index.js';
import { createGateway } from '../../../src/gateway/index.js';
import type { AwsServiceCall } from '../../../src/gateway/integrations/aws/types.js';
import { HOST, wire } from '../helpers.js';
import { petsApi } from './pets-api.js';

describe('AWS service integrations with a services responder', () => {
  it('renders a DynamoDB action as AWS sends it: POST /, X-Amz-Target, JSON content type, the template body', async () => {
    const calls: AwsServiceCall[] = [];
    const g = createGateway({
      clock: createManualClock(),
      ...petsApi({
        services: {
          dynamodb: {
            PutItem: (call) => {
              calls.push(call);
              return { statusCode: 200, body: {} };
            },
          },
        },
      }),
    });
    const { response, trace } = await g.handle(`${HOST}/dev/pets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name": "Rex \\"the dog\\"", "species": "dog"}',
    });
    expect(await wire(response)).toMatchObject({
      status: 201,
      body: `{"id": "${trace.requestId}"}`,
      headers: { location: '/pets', 'content-type': 'application/json' },
    });
    const call = calls[0]!;
    expect(call).toMatchObject({
      service: 'dynamodb',
      action: 'PutItem',
      region: 'us-east-1',
      method: 'POST',
      url: 'https://dynamodb.us-east-1.amazonaws.com/?Action=PutItem',
      path: '/',
      credentials: 'arn:aws:iam::123456789012:role/apigw-pets',
    });
    expect(call.headers).toMatchObject({
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': 'DynamoDB_20120810.PutItem',
      Host: 'dynamodb.us-east-1.amazonaws.com',
    });
    expect(call.json()).toEqual({
      TableName: 'pets',
      Item: { id: { S: trace.requestId }, name: { S: 'Rex "the dog"' }, species: { S: 'dog' } },
    });
    expect(trace.serviceCall?.action).toBe('PutItem');
  });

  it('the service status selects the integration response: a DynamoDB 400 goes to the default (500 here)', async () => {
    const g = createGateway({
      ...petsApi({
        services: {
          dynamodb: () => ({
            statusCode: 400,
            body: {
              __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
              message: 'no table',
            },
          }),
        },
      }),
    });
    const response = await g.fetch(`${HOST}/dev/pets`, {
      method: 'POST',
      body: '{"name": "a", "species": "cat"}',
    });
    expect(await wire(response)).toMatchObject({
      status: 500,
      body: '{"message": "could not store the pet"}',
    });
  });

  it('an invalid body never reaches the service', async () => {
    const calls: AwsServiceCall[] = [];
    const g = createGateway(
      petsApi({
        services: {
          dynamodb: (c) => {
            calls.push(c);
            return { statusCode: 200 };
          },
        },
      }),
    );
    const response = await g.fetch(`${HOST}/dev/pets`, {
      method: 'POST',
      body: '{"name": "a", "species": "cow"}',
    });
    expect(response.status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('a Query-protocol action (SNS) carries Action in the query string and no X-Amz-Target', async () => {
    const calls: AwsServiceCall[] = [];
    const g = createGateway({
      services: {
        sns: (c) => {
          calls.push(c);
          return { statusCode: 200, body: '<PublishResponse/>' };
        },
      },
      routes: {
        'POST /notify': {
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            uri: 'arn:aws:apigateway:eu-west-1:sns:action/Publish&TopicArn=arn:aws:sns:eu-west-1:123456789012:t',
            httpMethod: 'POST',
            requestParameters: { 'integration.request.querystring.Message': 'method.request.body.text' },
            integrationResponses: [{ statusCode: '200' }],
          },
        },
      },
    });
    const response = await g.fetch(`${HOST}/dev/notify`, { method: 'POST', body: '{"text": "hi"}' });
    expect(await response.text()).toBe('<PublishResponse/>');
    expect(calls[0]!.query).toEqual([
      ['Action', 'Publish'],
      ['TopicArn', 'arn:aws:sns:eu-west-1:123456789012:t'],
      ['Message', 'hi'],
    ]);
    expect(calls[0]!.headers['X-Amz-Target']).toBeUndefined();
    expect(calls[0]!.url).toBe(
      'https://sns.eu-west-1.amazonaws.com/?Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A123456789012%3At&Message=hi',
    );
  });

  it('EventBridge needs X-Amz-Target from the mapping (API Gateway adds none for it)', async () => {
    const calls: AwsServiceCall[] = [];
    const g = createGateway({
      services: {
        events: (c) => {
          calls.push(c);
          return { statusCode: 200, body: { FailedEntryCount: 0, Entries: [] } };
        },
      },
      routes: {
        'POST /events': {
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            uri: 'arn:aws:apigateway:us-east-1:events:action/PutEvents',
            httpMethod: 'POST',
            requestParameters: {
              'integration.request.header.X-Amz-Target': "'AWSEvents.PutEvents'",
              'integration.request.header.Content-Type': "'application/x-amz-json-1.1'",
            },
            integrationResponses: [{ statusCode: '200' }],
          },
        },
      },
    });
    expect(
      await (await g.fetch(`${HOST}/dev/events`, { method: 'POST', body: '{"Entries": []}' })).json(),
    ).toEqual({
      FailedEntryCount: 0,
      Entries: [],
    });
    expect(calls[0]!.headers).toMatchObject({
      'X-Amz-Target': 'AWSEvents.PutEvents',
      'Content-Type': 'application/x-amz-json-1.1',
    });
  });

  it('a responder that throws is a 500, explained in the trace', async () => {
    const g = createGateway(
      petsApi({
        services: {
          dynamodb: () => {
            throw new Error('responder bug');
          },
        },
      }),
    );
    const { response, trace } = await g.handle(`${HOST}/dev/pets`, {
      method: 'POST',
      body: '{"name": "a", "species": "cat"}',
    });
    expect(response.status).toBe(500);
    expect(trace.steps.at(-1)?.detail).toContain('responder bug');
  });

  it.each([
    ['neither a responder nor an endpoint', {}, 'GATEWAY_NO_AWS_BACKEND', /dynamodb PutItem/],
    [
      'a responder for another action only',
      { services: { dynamodb: { Query: () => ({ statusCode: 200 }) } } },
      'GATEWAY_NO_AWS_BACKEND',
      /services\.dynamodb\.PutItem/,
    ],
  ])('refuses %s at createGateway, naming service and action', (_name, backend, code, message) => {
    expect(() => createGateway(petsApi(backend as never))).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(message) }),
    );
  });

  it.each([
    ['not an apigateway ARN', 'arn:aws:lambda:us-east-1:123456789012:function:f'],
    ['no action or path', 'arn:aws:apigateway:us-east-1:dynamodb:PutItem'],
    [
      'a Lambda invocation URI without handler',
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations',
    ],
  ])('refuses a URI with %s (GATEWAY_INVALID_INTEGRATION_URI)', (_name, uri) => {
    expect(() =>
      createGateway({
        services: { dynamodb: () => ({ statusCode: 200 }) },
        routes: { 'POST /x': { integration: { type: 'AWS', uri, httpMethod: 'POST' } } },
      }),
    ).toThrow(expect.objectContaining({ code: 'GATEWAY_INVALID_INTEGRATION_URI' }));
  });
});
