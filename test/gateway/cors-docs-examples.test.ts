// The examples of docs/cors.md, run as written.
import { createGateway, enableCors } from 'apigw-testkit/gateway';
import { describe, expect, it } from 'vitest';

const listPets = async () => ({ statusCode: 200, body: '[]' });
const addPet = async () => ({ statusCode: 201, body: '{}' });

describe('docs/cors.md examples', () => {
  it('HTTP API corsConfiguration', async () => {
    const api = createGateway({
      apiType: 'HTTP',
      corsConfiguration: {
        allowOrigins: ['https://app.example.com'],
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['authorization', 'content-type'],
        exposeHeaders: ['x-request-id'],
        maxAge: 600,
        allowCredentials: true,
      },
      routes: { 'GET /pets': listPets },
    });
    const preflight = await api.fetch('/pets', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(await preflight.text()).toBe('');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST');
    const call = await api.fetch('/pets', { headers: { Origin: 'https://app.example.com' } });
    expect(call.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('REST enableCors', async () => {
    const rest = createGateway({ routes: enableCors({ 'GET /pets': listPets, 'POST /pets': addPet }) });
    const options = await rest.fetch('/dev/pets', { method: 'OPTIONS' });
    expect(options.status).toBe(200);
    expect(await options.text()).toBe('');
    expect(options.headers.get('access-control-allow-headers')).toBe(
      'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
    );
    expect(options.headers.get('access-control-allow-methods')).toBe('GET,OPTIONS,POST');
    expect(options.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('REST enableCors on gateway responses', async () => {
    const browserApi = createGateway(
      enableCors(
        { routes: { 'GET /pets': listPets, 'POST /pets': addPet } },
        { allowOrigin: 'https://app.example.com', gatewayResponses: true },
      ),
    );
    const missing = await browserApi.fetch('/dev/nope');
    expect([missing.status, await missing.text()]).toEqual([
      403,
      '{"message":"Missing Authentication Token"}',
    ]);
    expect(missing.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(missing.headers.get('access-control-allow-methods')).toBe('GET,OPTIONS,POST');
  });
});
