import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';
import { HOST, wire } from './helpers.js';

const IDS = {
  'x-amzn-requestid': expect.any(String),
  'x-amz-apigw-id': expect.any(String),
  // AWS sends no X-Amzn-Trace-Id with a MOCK answer (LocalStack test_apigateway_common.snapshot.json).
};
const ERROR_IDS = { 'x-amzn-requestid': expect.any(String), 'x-amz-apigw-id': expect.any(String) };
const INTERNAL = {
  status: 500,
  headers: {
    'content-type': 'application/json',
    'x-amzn-errortype': 'InternalServerErrorException',
    ...ERROR_IDS,
  },
  body: '{"message": "Internal server error"}',
};

function mock(
  integration: Record<string, unknown>,
  route: Record<string, unknown> = {},
): ReturnType<typeof createGateway> {
  const options = {
    stage: { variables: { color: 'blue' } },
    routes: { 'POST /m/{id}': { ...route, integration: { type: 'MOCK', ...integration } } },
  } as unknown as GatewayOptions;
  return createGateway(options);
}
const post = (gw: ReturnType<typeof createGateway>, init: RequestInit = {}, path = '/dev/m/7') =>
  gw.fetch(`${HOST}${path}`, { method: 'POST', ...init }).then(wire);

describe('MOCK: the integration request must produce {"statusCode": N} (docs/integrations.md)', () => {
  const ok = { methodResponses: { '200': {}, '404': {} } };
  const responses = [{ statusCode: '200' }, { statusCode: '404', selectionPattern: '404' }];

  it.each([
    ['JSON', '{"statusCode": 404}', 404],
    ['CDK-style unquoted member name', '{ statusCode: 404 }', 404],
    ['single-quoted member name', "{'statusCode': 404, 'x': 1}", 404],
  ])('a %s statusCode selects the integration response', async (_n, template, status) => {
    const gw = mock(
      { requestTemplates: { 'application/json': template }, integrationResponses: responses },
      ok,
    );
    expect(await post(gw)).toEqual({
      status,
      headers: { 'content-type': 'application/json', ...IDS },
      body: '',
    });
  });

  it.each([
    ['invalid JSON', '{"statusCode": '],
    ['no statusCode member', '{"status": 200}'],
    ['statusCode as a string', '{"statusCode": "200"}'],
    ['an empty rendering', ''],
  ])('%s is 500 "Unable to parse statusCode" (API_CONFIGURATION_ERROR)', async (_n, template) => {
    const gw = mock(
      { requestTemplates: { 'application/json': template }, integrationResponses: responses },
      ok,
    );
    expect(await post(gw)).toEqual(INTERNAL);
    const traced = await gw.handle(`${HOST}/dev/m/7`, { method: 'POST' });
    expect(traced.trace.steps.at(-1)?.detail).toContain('Unable to parse statusCode');
  });

  it('with no templates the request body passes through and its statusCode selects the response', async () => {
    const gw = mock({ integrationResponses: responses }, ok);
    expect((await post(gw, { body: '{"statusCode": 404}' })).status).toBe(404);
    expect(await post(gw)).toEqual(INTERNAL);
  });
});

describe('MOCK: template selection and passthroughBehavior (behaviour.md §4.4)', () => {
  const base = { methodResponses: { '200': {}, '201': {} } };
  const integrationResponses = [{ statusCode: '200' }, { statusCode: '201', selectionPattern: '201' }];
  const UNSUPPORTED = {
    status: 415,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'BadRequestException', ...ERROR_IDS },
    body: '{"message":"Unsupported Media Type"}',
  };
  const templates = { 'application/json': '{"statusCode": 200}' };

  it('Content-Type parameters are ignored and the media type is matched case-insensitively', async () => {
    const gw = mock(
      { requestTemplates: { 'text/plain': '{"statusCode": 201}' }, integrationResponses },
      base,
    );
    expect(
      (await post(gw, { headers: { 'Content-Type': 'TEXT/Plain; charset=UTF-8' }, body: 'x' })).status,
    ).toBe(201);
  });

  it.each([
    ['WHEN_NO_MATCH', 201],
    ['WHEN_NO_TEMPLATES', 415],
    ['NEVER', 415],
  ] as const)('templates exist, none for the type: %s → %s', async (passthroughBehavior, status) => {
    const gw = mock({ requestTemplates: templates, passthroughBehavior, integrationResponses }, base);
    const w = await post(gw, { headers: { 'Content-Type': 'text/plain' }, body: '{"statusCode": 201}' });
    if (status === 415) expect(w).toEqual(UNSUPPORTED);
    else expect(w.status).toBe(201);
  });

  it.each([
    ['WHEN_NO_MATCH', 201],
    ['WHEN_NO_TEMPLATES', 201],
    ['NEVER', 415],
  ] as const)('no templates at all: %s → %s', async (passthroughBehavior, status) => {
    const gw = mock({ passthroughBehavior, integrationResponses }, base);
    const w = await post(gw, { headers: { 'Content-Type': 'text/plain' }, body: '{"statusCode": 201}' });
    if (status === 415) expect(w).toEqual(UNSUPPORTED);
    else expect(w.status).toBe(201);
  });

  it('a template for the type transforms under every passthroughBehavior', async () => {
    for (const passthroughBehavior of ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER']) {
      const gw = mock({ requestTemplates: templates, passthroughBehavior, integrationResponses }, base);
      expect((await post(gw, { body: '{"statusCode": 201}' })).status).toBe(200);
    }
  });
});

describe('MOCK: integration response selection (behaviour.md §4.5)', () => {
  const route = { methodResponses: { '200': {}, '400': {}, '500': {} } };
  const make = (status: number, integrationResponses: unknown) =>
    mock(
      { requestTemplates: { 'application/json': `{"statusCode": ${status}}` }, integrationResponses },
      route,
    );

  it('selectionPattern is a whole-string Java regex: 2\\d{2} matches 200 but 20 does not match 2', async () => {
    const rs = [
      { statusCode: '400', selectionPattern: '2' },
      { statusCode: '500', selectionPattern: '2\\d{2}' },
    ];
    expect((await post(make(200, rs))).status).toBe(500);
  });

  it('the response without a pattern is the default', async () => {
    const rs = [{ statusCode: '400', selectionPattern: '4\\d{2}' }, { statusCode: '200' }];
    expect((await post(make(404, rs))).status).toBe(400);
    expect((await post(make(302, rs))).status).toBe(200);
  });

  it('an empty selectionPattern is the default too, and .* matches anything', async () => {
    expect((await post(make(302, [{ statusCode: '200', selectionPattern: '' }]))).status).toBe(200);
    expect((await post(make(302, [{ statusCode: '500', selectionPattern: '.*' }]))).status).toBe(500);
  });

  it('integrationResponses may be keyed by status code, as GetIntegration returns them', async () => {
    const rs = { '200': {}, '400': { selectionPattern: '4\\d{2}' } };
    expect((await post(make(418, rs))).status).toBe(400);
  });

  it('no match and no default is 500 {"message": "Internal server error"}', async () => {
    const gw = make(302, [{ statusCode: '400', selectionPattern: '4\\d{2}' }]);
    expect(await post(gw)).toEqual(INTERNAL);
    const traced = await gw.handle(`${HOST}/dev/m/7`, { method: 'POST' });
    expect(traced.trace.steps.at(-1)?.detail).toContain(
      'No match for output mapping and no default output mapping configured',
    );
  });
});
