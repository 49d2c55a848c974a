import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';

// The examples of docs/integrations.md, verbatim in substance.
describe('docs/integrations.md examples', () => {
  it('a MOCK with AWS configuration names', async () => {
    const gateway = createGateway({
      routes: {
        'GET /pets/{id}': {
          methodResponses: {
            '200': { responseParameters: { 'method.response.header.X-Pet': true } },
            '404': {},
          },
          integration: {
            type: 'MOCK',
            requestTemplates: {
              'application/json': `#if($input.params('id') == '0'){"statusCode": 404}#else{"statusCode": 200}#end`,
            },
            integrationResponses: [
              {
                statusCode: '200',
                responseParameters: { 'method.response.header.X-Pet': "'rex'" },
                responseTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
              },
              {
                statusCode: '404',
                selectionPattern: '404',
                responseTemplates: { 'application/json': '{"message":"no pet"}' },
              },
            ],
          },
        },
      },
    });
    const ok = await gateway.fetch('/dev/pets/7');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('X-Pet')).toBe('rex');
    expect(await ok.text()).toBe('{"id": "7"}');
    const missing = await gateway.fetch('/dev/pets/0');
    expect([missing.status, await missing.text()]).toEqual([404, '{"message":"no pet"}']);
  });

  it('a template-less MOCK needs the status in the passed-through body', async () => {
    const bare = createGateway({
      routes: { 'POST /ping': { integration: { type: 'MOCK', responses: { '200': { body: 'pong' } } } } },
    });
    const ok = await bare.fetch('/dev/ping', { method: 'POST', body: '{"statusCode": 200}' });
    expect([ok.status, await ok.text()]).toEqual([200, 'pong']);
    const empty = await bare.fetch('/dev/ping', { method: 'POST' });
    expect([empty.status, await empty.text()]).toEqual([500, '{"message": "Internal server error"}']);
  });

  it('a CORS preflight MOCK maps a static header and sends no body', async () => {
    const cors = createGateway({
      routes: {
        'OPTIONS /pets': {
          methodResponses: {
            '200': { responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } },
          },
          integration: {
            type: 'MOCK',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            integrationResponses: [
              {
                statusCode: '200',
                responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
              },
            ],
          },
        },
      },
    });
    const preflight = await cors.fetch('/dev/pets', { method: 'OPTIONS' });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(await preflight.text()).toBe('');
  });
});
