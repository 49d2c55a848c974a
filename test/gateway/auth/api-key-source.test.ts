import { describe, expect, it } from 'vitest';
import { createGateway } from '../../../src/gateway/index.js';
import { HOST, wire } from '../helpers.js';
import { echoAuth, policy } from './helpers.js';

const KEY = 'usage-key-0123456789abcdef';

/** apiKeySource AUTHORIZER: the authorizer returns usageIdentifierKey = the Authorization header value. */
const gateway = () =>
  createGateway({
    apiKeySource: 'AUTHORIZER',
    apiKeys: [{ id: 'k1', value: KEY }],
    usagePlans: [
      { id: 'p1', apiStages: [{ stage: 'dev' }], quota: { limit: 2, period: 'DAY' }, keys: ['k1'] },
    ],
    authorizers: {
      Auth: {
        type: 'TOKEN',
        authorizerResultTtlInSeconds: 0,
        handler: async (event: { authorizationToken: string; methodArn: string }) => ({
          principalId: 'u',
          policyDocument: policy('Allow', event.methodArn),
          usageIdentifierKey: event.authorizationToken,
        }),
      },
    },
    routes: {
      'GET /things': {
        apiKeyRequired: true,
        authorizer: 'Auth',
        integration: { type: 'AWS_PROXY', handler: echoAuth() },
      },
    },
  });

describe('apiKeySource AUTHORIZER (behaviour.md §6.3)', () => {
  it("an authorizer's usageIdentifierKey that is no key of the stage's plans is 403 Forbidden ('rest-apikey-authorizer-source-unknown-key-403')", async () => {
    const response = await wire(
      await gateway().fetch(`${HOST}/dev/things`, { headers: { Authorization: 'unknown-key' } }),
    );
    expect(response.status).toBe(403);
    expect(response.body).toBe('{"message":"Forbidden"}');
    expect(response.headers['x-amzn-errortype']).toBe('ForbiddenException');
  });

  it('a known usageIdentifierKey passes and counts against the plan quota; x-api-key is ignored', async () => {
    const g = gateway();
    const ok = await g.handle(`${HOST}/dev/things`, {
      headers: { Authorization: KEY, 'x-api-key': 'ignored' },
    });
    expect(ok.response.status).toBe(200);
    expect(ok.trace.usagePlan).toMatchObject({ ok: true, keyId: 'k1', planId: 'p1' });
    const event = JSON.parse(JSON.stringify(ok.trace.event)) as {
      requestContext: { identity: Record<string, unknown> };
    };
    expect(event.requestContext.identity).toMatchObject({ apiKey: KEY, apiKeyId: 'k1' });
    await g.fetch(`${HOST}/dev/things`, { headers: { Authorization: KEY } });
    const third = await wire(await g.fetch(`${HOST}/dev/things`, { headers: { Authorization: KEY } }));
    expect([third.status, third.body]).toEqual([429, '{"message":"Limit Exceeded"}']);
  });

  it('an authorizer returning no usageIdentifierKey is 403 Forbidden too', async () => {
    const g = createGateway({
      apiKeySource: 'AUTHORIZER',
      apiKeys: [{ id: 'k1', value: KEY }],
      usagePlans: [{ id: 'p1', apiStages: [{ stage: 'dev' }], keys: ['k1'] }],
      authorizers: {
        Auth: {
          type: 'TOKEN',
          handler: async (e: { methodArn: string }) => ({
            principalId: 'u',
            policyDocument: policy('Allow', e.methodArn),
          }),
        },
      },
      routes: {
        'GET /things': {
          apiKeyRequired: true,
          authorizer: 'Auth',
          integration: { type: 'AWS_PROXY', handler: echoAuth() },
        },
      },
    });
    const response = await g.fetch(`${HOST}/dev/things`, {
      headers: { Authorization: 't', 'x-api-key': KEY },
    });
    expect([response.status, await response.text()]).toEqual([403, '{"message":"Forbidden"}']);
  });
});
