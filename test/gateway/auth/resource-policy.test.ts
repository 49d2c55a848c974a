import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayOptions } from '../../../src/gateway/index.js';
import { HOST, wire } from '../helpers.js';
import { ARN, echoAuth, policy, recordingAuthorizer } from './helpers.js';

const MASKED = 'arn:aws:execute-api:us-east-1:********9012:abcd1234ef';
const statement = (effect: 'Allow' | 'Deny', resource: string, condition?: object) => ({
  Effect: effect,
  Principal: '*',
  Action: 'execute-api:Invoke',
  Resource: resource,
  ...(condition ? { Condition: condition } : {}),
});
const api = (policyDoc: object, extra: Partial<GatewayOptions> = {}) =>
  createGateway({
    policy: { Version: '2012-10-17', Statement: policyDoc } as never,
    routes: { 'GET /weather': echoAuth(), 'GET /admin': echoAuth() },
    ...extra,
  });

describe('REST resource policies (behaviour.md §18.4)', () => {
  it("the recorded implicit deny names the caller and the ARN, with today's suffix ('rest-respol-implicit-deny-current-wording')", async () => {
    const cases = JSON.parse(
      readFileSync(new URL('../../fixtures/conformance/gateway-sample-2.json', import.meta.url), 'utf8'),
    ) as {
      id: string;
      expected: { status: number; body: string };
    }[];
    const recorded = cases.find((c) => c.id === 'rest-respol-implicit-deny-current-wording')!;
    const gateway = api([
      statement('Allow', 'execute-api:/*', { StringEquals: { 'aws:SourceVpce': 'vpce-0df7e09a0bc49a117' } }),
    ]);
    const response = await wire(await gateway.fetch(`${HOST}/dev/weather?q=33418`));
    expect(response.status).toBe(recorded.expected.status);
    const pattern = new RegExp(
      `^${recorded.expected.body.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[a-z-]+>/g, '[^:/]+')}$`,
    );
    expect(response.body).toMatch(pattern);
    expect(JSON.parse(response.body)).toEqual({
      Message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${MASKED}/dev/GET/weather because no resource-based policy allows the execute-api:Invoke action`,
    });
    expect(response.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    // Through the VPC endpoint (the header a private API's endpoint adds), the same call is allowed.
    const inside = await gateway.fetch(`${HOST}/dev/weather`, {
      headers: { 'x-amzn-vpce-id': 'vpce-0df7e09a0bc49a117' },
    });
    expect(inside.status).toBe(200);
  });

  it.each([
    ['an allowed source address', '198.51.100.7', 200],
    ['an address outside the CIDR', '203.0.113.9', 403],
  ])('aws:SourceIp: %s gives %s', async (_name, ip, status) => {
    const gateway = api([
      statement('Allow', `${ARN}/*`, { IpAddress: { 'aws:SourceIp': ['198.51.100.0/24'] } }),
    ]);
    expect((await gateway.fetch(`${HOST}/dev/weather`, { headers: { 'X-Forwarded-For': ip } })).status).toBe(
      status,
    );
  });

  it('an explicit Deny wins over an Allow, with the explicit-deny message', async () => {
    const gateway = api([
      statement('Allow', 'execute-api:/*'),
      statement('Deny', 'execute-api:/*/GET/admin'),
    ]);
    expect((await gateway.fetch(`${HOST}/dev/weather`)).status).toBe(200);
    const denied = await wire(await gateway.fetch(`${HOST}/dev/admin`));
    expect(denied.status).toBe(403);
    expect(denied.body).toBe(
      `{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${MASKED}/dev/GET/admin with an explicit deny in a resource-based policy"}`,
    );
  });

  it('legacy wording: the recorded older bodies', async () => {
    const gateway = api(
      [statement('Deny', 'execute-api:/*/GET/admin'), statement('Allow', `${ARN}/dev/GET/weather`)],
      {
        accessDeniedWording: 'legacy',
        routes: { 'GET /admin': echoAuth(), 'GET /other': echoAuth(), 'GET /weather': echoAuth() },
      },
    );
    expect(await (await gateway.fetch(`${HOST}/dev/admin`)).text()).toBe(
      `{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${MASKED}/dev/GET/admin with an explicit deny"}`,
    );
    expect(await (await gateway.fetch(`${HOST}/dev/other`)).text()).toBe(
      `{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${MASKED}/dev/GET/other"}`,
    );
  });

  it('with a Lambda authorizer: an explicit deny in the resource policy answers 403 without invoking the authorizer', async () => {
    const authorizer = recordingAuthorizer((e) => ({
      principalId: 'u',
      policyDocument: policy('Allow', e.methodArn as string),
    }));
    const gateway = api([statement('Deny', 'execute-api:/*/GET/admin')], {
      authorizers: { A: { type: 'TOKEN', handler: authorizer } },
      routes: {
        'GET /admin': { integration: { type: 'AWS_PROXY', handler: echoAuth() }, authorizer: 'A' },
        'GET /weather': { integration: { type: 'AWS_PROXY', handler: echoAuth() }, authorizer: 'A' },
      },
    });
    expect((await gateway.fetch(`${HOST}/dev/admin`, { headers: { Authorization: 't' } })).status).toBe(403);
    expect(authorizer.events).toHaveLength(0);
    // Silent resource policy + authorizer Allow = allow (Table A).
    expect((await gateway.fetch(`${HOST}/dev/weather`, { headers: { Authorization: 't' } })).status).toBe(
      200,
    );
  });

  it('with a Lambda authorizer: a resource-policy Allow admits a request the authorizer policy is silent about (Table A)', async () => {
    const gateway = api([statement('Allow', 'execute-api:/*/GET/weather')], {
      authorizers: {
        A: {
          type: 'TOKEN',
          handler: async () => ({ principalId: 'u', policyDocument: policy('Allow', `${ARN}/dev/POST/x`) }),
        },
      },
      routes: {
        'GET /weather': { integration: { type: 'AWS_PROXY', handler: echoAuth() }, authorizer: 'A' },
      },
    });
    expect((await gateway.fetch(`${HOST}/dev/weather`, { headers: { Authorization: 't' } })).status).toBe(
      200,
    );
  });
});
