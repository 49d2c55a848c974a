import { describe, expect, it, vi } from 'vitest';
import { buildLambdaContext, buildProxyEventV1, buildProxyEventV2 } from '../../src/events/index.js';
import { createGateway } from '../../src/gateway/index.js';
import { type App, expressApp, honoApp, PNG } from './apps.js';

/** How each framework words the same outcome (the gateway relays it untouched). */
const FRAMEWORKS: Record<string, { make: () => App; json: string; notFound: RegExp; crashed: RegExp }> = {
  hono: {
    make: honoApp,
    json: 'application/json',
    notFound: /^404 Not Found$/,
    crashed: /^Internal Server Error$/,
  },
  express: {
    make: expressApp,
    json: 'application/json; charset=utf-8',
    notFound: /Cannot GET \/missing/,
    crashed: /Error: kaput/,
  },
};

const SPECIFIC = [
  'GET /users/{id}',
  'POST /users',
  'GET /cookies',
  'GET /image.png',
  'GET /boom',
  'GET /missing',
];

/** The four ways one Lambda sits behind API Gateway. */
const SETUPS = [
  { name: 'REST ANY /{proxy+} (payload 1.0)', apiType: 'REST', keys: ['ANY /{proxy+}'], base: '/dev' },
  { name: 'REST specific resources (payload 1.0)', apiType: 'REST', keys: SPECIFIC, base: '/dev' },
  { name: 'HTTP API $default route (payload 2.0)', apiType: 'HTTP', keys: ['$default'], base: '' },
  { name: 'HTTP API specific routes (payload 2.0)', apiType: 'HTTP', keys: SPECIFIC, base: '' },
] as const;

function gatewayFor(app: App, setup: (typeof SETUPS)[number]) {
  const routes = Object.fromEntries(setup.keys.map((key) => [key, app]));
  return setup.apiType === 'REST'
    ? createGateway({ apiType: 'REST', binaryMediaTypes: ['image/png'], routes })
    : createGateway({ apiType: 'HTTP', routes });
}

describe.each(Object.entries(FRAMEWORKS))('%s behind the simulated gateway', (_name, fw) => {
  describe.each(SETUPS)('$name', (setup) => {
    const gateway = gatewayFor(fw.make(), setup);
    const url = (path: string) =>
      `https://abcd1234ef.execute-api.us-east-1.amazonaws.com${setup.base}${path}`;
    const rest = setup.apiType === 'REST';

    it('path parameter, repeated query key (all values reach the app) and form-decoded + as a space', async () => {
      const res = await gateway.fetch(url('/users/7?tag=a&tag=b&sort=x+y'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(fw.json);
      expect(await res.json()).toEqual({ id: '7', tag: ['a', 'b'], sort: 'x y' });
    });

    it('JSON body POST: 201, the custom response header and the parsed body', async () => {
      const res = await gateway.fetch(url('/users'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"name":"Ada","tags":["x"]}',
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('x-created-by')).toBe(_name);
      expect(await res.json()).toEqual({ created: { name: 'Ada', tags: ['x'] } });
    });

    it('Cookie header in; each Set-Cookie arrives as its own header line', async () => {
      const res = await gateway.fetch(url('/cookies'), { headers: { Cookie: 'session=s1; theme=dark' } });
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/; HttpOnly']);
      expect(await res.json()).toEqual({ session: 's1', theme: 'dark' });
    });

    it('binary response with Accept: image/png arrives as the original bytes', async () => {
      const res = await gateway.fetch(url('/image.png'), { headers: { Accept: 'image/png' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    });

    it.each([
      ['no Accept', undefined],
      ['Accept: */* (a wildcard never matches a binary media type)', '*/*'],
      ['Accept: image/* first', 'image/*, image/png'],
    ])('binary response with %s: REST returns the base64 text, HTTP API decodes', async (_label, accept) => {
      const res = await gateway.fetch(url('/image.png'), accept ? { headers: { Accept: accept } } : {});
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (rest) expect(Buffer.from(bytes).toString('latin1')).toBe(Buffer.from(PNG).toString('base64'));
      else expect(bytes).toEqual(PNG);
    });

    it("the framework's own 404 is relayed as the app wrote it (not a gateway error)", async () => {
      const res = await gateway.fetch(url('/missing'));
      expect(res.status).toBe(404);
      expect(res.headers.get('x-amzn-ErrorType')).toBeNull();
      expect(await res.text()).toMatch(fw.notFound);
    });

    it('an error the framework catches is its own 500, not the gateway 502/500 of a failed invocation', async () => {
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const res = await gateway.fetch(url('/boom'));
        expect(res.status).toBe(500);
        expect(res.headers.get('x-amzn-ErrorType')).toBeNull();
        expect(await res.text()).toMatch(fw.crashed);
      } finally {
        quiet.mockRestore();
      }
    });

    it('REST adds x-amzn-RequestId / x-amz-apigw-id; HTTP API adds apigw-requestid', async () => {
      const res = await gateway.fetch(url('/users/1'));
      if (rest) {
        expect(res.headers.get('x-amzn-RequestId')).toMatch(/^[0-9a-f-]{36}$/);
        expect(res.headers.get('x-amz-apigw-id')).toMatch(/^[A-Za-z0-9_-]{15}=$/);
        expect(res.headers.get('apigw-requestid')).toBeNull();
      } else {
        expect(res.headers.get('apigw-requestid')).toMatch(/^[A-Za-z0-9_-]{15}=$/);
        expect(res.headers.get('x-amzn-RequestId')).toBeNull();
      }
    });

    it('REST renames the Content-Length the app returns to x-amzn-Remapped-<name>; HTTP API passes it through (UNCONFIRMED)', async () => {
      const res = await gateway.fetch(url('/users/1'));
      const text = await res.text();
      // Express (serverless-http) returns content-length; Hono's adapter does not.
      const returned = _name === 'express' ? String(Buffer.byteLength(text)) : null;
      if (rest) {
        expect(res.headers.get('x-amzn-Remapped-content-length')).toBe(returned);
        expect(res.headers.get('content-length')).toBeNull();
      } else {
        expect(res.headers.get('content-length')).toBe(returned);
        expect(res.headers.get('x-amzn-Remapped-content-length')).toBeNull();
      }
    });
  });
});

describe('a framework behind an HTTP API stage with a name', () => {
  it('sees the stage in the path (rawPath carries /dev), so its /users/:id route does not match', async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      stage: { name: 'dev' },
      routes: { $default: honoApp() },
    });
    const res = await gateway.fetch('https://abcd1234ef.execute-api.us-east-1.amazonaws.com/dev/users/7');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('404 Not Found');
  });
});

describe.each(Object.entries(FRAMEWORKS))('%s called with builder events directly', (_name, fw) => {
  const context = buildLambdaContext();

  it('REST event: multiValueHeaders carries repeated query values and the result is a valid REST proxy result', async () => {
    const event = buildProxyEventV1({ method: 'GET', path: '/users/7', query: 'tag=a&tag=b&sort=x+y' });
    const result = await fw.make()(event, context);
    expect(result).toBeValidProxyResult({ apiType: 'REST' });
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ id: '7', tag: ['a', 'b'], sort: 'x y' });
  });

  it('payload 2.0 event: cookies array in, cookies array out, valid HTTP API result', async () => {
    const event = buildProxyEventV2({ routeKey: 'GET /cookies', cookies: { session: 's1', theme: 'dark' } });
    const result = await fw.make()(event, context);
    expect(result).toBeValidProxyResult({ apiType: 'HTTP', payloadFormat: '2.0' });
    expect(result.statusCode).toBe(200);
    expect(result.cookies).toEqual(['a=1; Path=/', 'b=2; Path=/; HttpOnly']);
    expect(JSON.parse(result.body)).toEqual({ session: 's1', theme: 'dark' });
  });

  it('REST event with a JSON object body: the app reads it as JSON', async () => {
    const event = buildProxyEventV1({ method: 'POST', path: '/users', body: { name: 'Ada' } });
    const result = await fw.make()(event, context);
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body)).toEqual({ created: { name: 'Ada' } });
  });

  it('binary result: isBase64Encoded true with the image bytes in base64', async () => {
    const result = await fw.make()(buildProxyEventV2({ routeKey: 'GET /image.png' }), context);
    expect(result.isBase64Encoded).toBe(true);
    expect(result.body).toBe(Buffer.from(PNG).toString('base64'));
  });
});
