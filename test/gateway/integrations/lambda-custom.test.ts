import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock/index.js';
import { createGateway, type LambdaHandler } from '../../../src/gateway/index.js';
import { HOST, wire } from '../helpers.js';

const responses = [
  { statusCode: '200' },
  {
    statusCode: '400',
    selectionPattern: 'Bad request:.*',
    responseTemplates: { 'application/json': '{"error": "$input.path(\'$.errorMessage\')"}' },
  },
  { statusCode: '500', selectionPattern: '.*Task timed out.*' },
];

function gateway(handler: LambdaHandler, extra: Record<string, unknown> = {}, clock = createManualClock()) {
  return createGateway({
    clock,
    routes: {
      'POST /pets/{id}': {
        methodResponses: { '200': {}, '400': {}, '500': {} },
        integration: {
          type: 'AWS',
          handler,
          requestTemplates: {
            'application/json': '{"id": "$input.params(\'id\')", "name": $input.json(\'$.name\')}',
          },
          integrationResponses: responses,
          ...extra,
        },
      },
    },
  });
}

describe('AWS integration with a Lambda function, non-proxy (behaviour.md §0, §4.5)', () => {
  it('the request template output, parsed as JSON, is the event; the result passes through as JSON', async () => {
    const events: unknown[] = [];
    const g = gateway(async (event) => {
      events.push(event);
      return { created: true, pet: event };
    });
    const response = await g.fetch(`${HOST}/dev/pets/7`, { method: 'POST', body: '{"name": "Rex"}' });
    expect(events).toEqual([{ id: '7', name: 'Rex' }]);
    expect(await wire(response)).toMatchObject({
      status: 200,
      body: '{"created":true,"pet":{"id":"7","name":"Rex"}}',
      headers: { 'content-type': 'application/json' },
    });
  });

  it('a function error selects by errorMessage; the error object is the body the template reads', async () => {
    const g = gateway(async () => {
      throw new Error('Bad request: name missing');
    });
    const response = await g.fetch(`${HOST}/dev/pets/7`, { method: 'POST', body: '{"name": 1}' });
    expect(await wire(response)).toMatchObject({
      status: 400,
      body: '{"error": "Bad request: name missing"}',
    });
  });

  it('an error no pattern matches goes to the default response, as 200 with the error object as body', async () => {
    const g = gateway(async () => {
      throw new TypeError('kaput');
    });
    const response = await g.fetch(`${HOST}/dev/pets/7`, { method: 'POST', body: '{"name": 1}' });
    expect(response.status).toBe(200);
    expect(JSON.parse(await response.text())).toMatchObject({
      errorType: 'TypeError',
      errorMessage: 'kaput',
    });
  });

  it('a successful result never matches a pattern, even one matching everything but the empty string', async () => {
    const g = createGateway({
      routes: {
        'POST /x': {
          methodResponses: { '200': {}, '201': {} },
          integration: {
            type: 'AWS',
            handler: async () => ({ statusCode: 200, errorMessage: 'x' }),
            integrationResponses: [{ statusCode: '201', selectionPattern: '.+' }, { statusCode: '200' }],
          },
        },
      },
    });
    expect((await g.fetch(`${HOST}/dev/x`, { method: 'POST' })).status).toBe(200);
  });

  it('the function timeout is a Lambda error (Task timed out) selected like any other', async () => {
    const clock = createManualClock();
    const g = gateway(() => new Promise(() => {}), { functionTimeoutMs: 3_000 }, clock);
    const pending = g.fetch(`${HOST}/dev/pets/7`, { method: 'POST', body: '{"name": 1}' });
    await clock.advanceAsync(3_000);
    expect((await pending).status).toBe(500);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('the integration timeout is 504 {"message": "Endpoint request timed out"}', async () => {
    const clock = createManualClock();
    const g = gateway(() => new Promise(() => {}), { timeoutInMillis: 1_000 }, clock);
    const pending = g.fetch(`${HOST}/dev/pets/7`, { method: 'POST', body: '{"name": 1}' });
    await clock.advanceAsync(1_000);
    expect(await wire(await pending)).toMatchObject({
      status: 504,
      body: '{"message": "Endpoint request timed out"}',
    });
  });

  it('X-Amz-Invocation-Type: Event invokes asynchronously: 200 with an empty body at once', async () => {
    const seen: unknown[] = [];
    let finish: () => void = () => {};
    const g = gateway(
      (event) =>
        new Promise((resolve) => {
          seen.push(event);
          finish = () => resolve('done');
        }),
      { requestParameters: { 'integration.request.header.X-Amz-Invocation-Type': "'Event'" } },
    );
    const response = await g.fetch(`${HOST}/dev/pets/7`, { method: 'POST', body: '{"name": "a"}' });
    expect(await wire(response)).toMatchObject({ status: 200, body: '' });
    expect(seen).toEqual([{ id: '7', name: 'a' }]);
    finish();
  });

  it('a payload that is not JSON is a 500 (Lambda refuses it)', async () => {
    const g = gateway(async () => 'never', {
      requestTemplates: { 'application/json': "id=$input.params('id')" },
    });
    const { response, trace } = await g.handle(`${HOST}/dev/pets/7`, { method: 'POST', body: '{}' });
    expect(await wire(response)).toMatchObject({ status: 500, body: '{"message": "Internal server error"}' });
    expect(trace.steps.at(-1)?.detail).toContain('InvalidRequestContentException');
  });

  it('$input.path over a body that is not JSON is 400 "Could not parse request body into json"', async () => {
    const g = gateway(async () => 'never');
    const response = await g.fetch(`${HOST}/dev/pets/7`, { method: 'POST', body: '{"name": ' });
    expect(response.status).toBe(400);
    expect(JSON.parse(await response.text()).message).toMatch(/^Could not parse request body into json/);
  });

  it('no body and no template: the event is {}', async () => {
    const events: unknown[] = [];
    const g = createGateway({
      routes: {
        'GET /x': {
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            handler: async (e) => events.push(e),
            integrationResponses: [{ statusCode: '200' }],
          },
        },
      },
    });
    expect(await (await g.fetch(`${HOST}/dev/x`)).text()).toBe('1');
    expect(events).toEqual([{}]);
  });

  it('with no integration response at all the method answers 500 (No match for output mapping)', async () => {
    const g = createGateway({
      routes: { 'POST /x': { integration: { type: 'AWS', handler: async () => ({}) } } },
    });
    expect((await g.fetch(`${HOST}/dev/x`, { method: 'POST' })).status).toBe(500);
  });
});
