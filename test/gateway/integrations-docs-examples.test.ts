import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';

// The examples of docs/integrations.md (Lambda custom, AWS service, HTTP, HTTP_PROXY, HTTP API mapping), verbatim in substance.
describe('docs/integrations.md examples', () => {
  it('Lambda custom: the template output is the event; errors select by errorMessage', async () => {
    const gateway = createGateway({
      routes: {
        'POST /pets/{id}': {
          methodResponses: { '200': {}, '400': {} },
          integration: {
            type: 'AWS',
            handler: async (event: { id: string; name: string }) => {
              if (!event.name) throw new Error('Bad request: name is required');
              return { id: event.id, name: event.name };
            },
            requestTemplates: {
              'application/json': '{"id": "$input.params(\'id\')", "name": "$input.path(\'$.name\')"}',
            },
            integrationResponses: [
              { statusCode: '200' },
              {
                statusCode: '400',
                selectionPattern: 'Bad request:.*',
                responseTemplates: { 'application/json': '{"error": "$input.path(\'$.errorMessage\')"}' },
              },
            ],
          },
        },
      },
    });
    const created = await gateway.fetch('/dev/pets/7', { method: 'POST', body: '{"name": "Rex"}' });
    expect(await created.text()).toBe('{"id":"7","name":"Rex"}');
    const refused = await gateway.fetch('/dev/pets/7', { method: 'POST', body: '{}' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toBe('{"error": "Bad request: name is required"}');
  });

  it('AWS service: a DynamoDB PutItem answered by a responder', async () => {
    const items: unknown[] = [];
    const gateway = createGateway({
      services: {
        dynamodb: {
          PutItem: (call) => {
            items.push((call.json() as { Item: unknown }).Item);
            return { statusCode: 200, body: {} };
          },
        },
      },
      routes: {
        'POST /pets': {
          methodResponses: { '201': {} },
          integration: {
            type: 'AWS',
            uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem',
            httpMethod: 'POST',
            credentials: 'arn:aws:iam::123456789012:role/apigw-pets',
            requestTemplates: {
              'application/json': '{"TableName": "pets", "Item": {"name": {"S": "$input.path(\'$.name\')"}}}',
            },
            integrationResponses: [
              { statusCode: '201', responseTemplates: { 'application/json': '{"stored": true}' } },
            ],
          },
        },
      },
    });
    const response = await gateway.fetch('/dev/pets', { method: 'POST', body: '{"name": "Rex"}' });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('{"stored": true}');
    expect(items).toEqual([{ name: { S: 'Rex' } }]);
  });

  it('HTTP: mapped path, API Gateway user agent, status selection', async () => {
    const gateway = createGateway({
      fetch: async (url, init) =>
        new Response(
          JSON.stringify({ url: String(url), agent: new Headers(init?.headers).get('User-Agent') }),
          {
            status: String(url).endsWith('/0') ? 404 : 200,
          },
        ),
      routes: {
        'GET /pets/{id}': {
          methodResponses: { '200': {}, '404': {} },
          integration: {
            type: 'HTTP',
            uri: 'https://backend.example.com/pets/{petId}',
            httpMethod: 'GET',
            requestParameters: { 'integration.request.path.petId': 'method.request.path.id' },
            integrationResponses: [
              { statusCode: '200' },
              {
                statusCode: '404',
                selectionPattern: '404',
                responseTemplates: { 'application/json': '{"message": "no such pet"}' },
              },
            ],
          },
        },
      },
    });
    expect(await (await gateway.fetch('/dev/pets/7')).json()).toEqual({
      url: 'https://backend.example.com/pets/7',
      agent: 'AmazonAPIGateway_abcd1234ef',
    });
    const missing = await gateway.fetch('/dev/pets/0');
    expect([missing.status, await missing.text()]).toEqual([404, '{"message": "no such pet"}']);
  });

  it('HTTP_PROXY: stage variable and {proxy} in the URI, Server remapped', async () => {
    const gateway = createGateway({
      stage: { name: 'dev', variables: { version: 'v2' } },
      fetch: async (url, init) =>
        new Response(`${init?.method} ${url}`, { status: 201, headers: { Server: 'backend' } }),
      routes: {
        'ANY /{proxy+}': {
          integration: {
            type: 'HTTP_PROXY',
            uri: ['https://backend.example.com/$', '{stageVariables.version}/{proxy}'].join(''),
          },
        },
      },
    });
    const response = await gateway.fetch('/dev/pets/7?sort=asc', { method: 'PUT', body: '{}' });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('PUT https://backend.example.com/v2/pets/7?sort=asc');
    expect(response.headers.get('x-amzn-Remapped-Server')).toBe('backend');
  });

  it('HTTP API parameter mapping: overwrite:path, append:querystring, response status and header', async () => {
    const api = createGateway({
      apiType: 'HTTP',
      fetch: async (url) => new Response(JSON.stringify({ url: String(url) }), { status: 200 }),
      routes: {
        'GET /users/{id}': {
          integration: {
            type: 'HTTP_PROXY',
            uri: 'https://backend.example.com/anything',
            requestParameters: {
              'overwrite:path': '/people/$request.path.id',
              'append:querystring.source': 'gateway',
            },
            responseParameters: {
              '200': { 'overwrite:statuscode': '202', 'append:header.X-Route': '$context.routeKey' },
            },
          },
        },
      },
    });
    const mapped = await api.fetch('/users/9');
    expect(mapped.status).toBe(202);
    expect(mapped.headers.get('X-Route')).toBe('GET /users/{id}');
    expect(await mapped.json()).toEqual({ url: 'https://backend.example.com/people/9?source=gateway' });
  });
});
