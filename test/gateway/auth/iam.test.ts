import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsClient } from 'aws4fetch';
import { describe, expect, it } from 'vitest';
import { createTestIdentityProvider } from '../../../src/auth/index.js';
import { createManualClock } from '../../../src/clock/index.js';
import { createGateway, type GatewayOptions } from '../../../src/gateway/index.js';
import { wire } from '../helpers.js';
import { ARN, echoAuth } from './helpers.js';

/** SHA-256 for the smithy signer (the SDK passes @aws-crypto's; node:crypto computes the same). */
class Sha256 {
  #hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.#hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.#hash.digest());
  }
}

const bytes = (data: string | ArrayBuffer | ArrayBufferView) =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

const HOSTNAME = 'abcd1234ef.execute-api.us-east-1.amazonaws.com';
const START = Date.UTC(2024, 3, 21, 15, 8, 21);
const clock = createManualClock({ start: START });
const idp = createTestIdentityProvider({ clock });
const alice = idp.iamUser('alice');
const bob = idp.iamUser('bob', {
  policy: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `${ARN}/*/GET/pets` }],
  },
});
const temp = idp.iamUser('deployer', { role: true, expiration: START + 60_000 });
const backend = echoAuth();
const iamApi = (extra: Partial<GatewayOptions> = {}) =>
  createGateway({
    clock,
    identityProviders: [idp],
    routes: {
      'GET /pets': { authorizationType: 'AWS_IAM', integration: { type: 'AWS_PROXY', handler: backend } },
      'POST /pets': { authorizationType: 'AWS_IAM', integration: { type: 'AWS_PROXY', handler: backend } },
    },
    ...extra,
  });

async function smithySigned(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  init: { method?: string; path?: string; body?: string; at?: number; region?: string } = {},
) {
  const signer = new SignatureV4({
    credentials,
    region: init.region ?? 'us-east-1',
    service: 'execute-api',
    sha256: Sha256,
  });
  const request = await signer.sign(
    {
      method: init.method ?? 'GET',
      protocol: 'https:',
      hostname: HOSTNAME,
      path: init.path ?? '/dev/pets',
      query: {},
      headers: { host: HOSTNAME, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: init.body }),
    },
    { signingDate: new Date(init.at ?? clock.now()) },
  );
  return {
    url: `https://${HOSTNAME}${init.path ?? '/dev/pets'}`,
    init: {
      method: init.method ?? 'GET',
      headers: request.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
    },
  };
}

describe('AWS_IAM with SigV4 (behaviour.md §18.3)', () => {
  it('a request signed by @smithy/signature-v4 passes and fills requestContext.identity from the principal', async () => {
    const { url, init } = await smithySigned(alice, { method: 'POST', body: '{"name":"Rex"}' });
    const response = await iamApi().fetch(url, init);
    expect(response.status).toBe(200);
    const event = backend.events.at(-1)!;
    expect(event.requestContext.identity).toMatchObject({
      accessKey: alice.accessKeyId,
      accountId: '123456789012',
      caller: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
      user: event.requestContext.identity.caller,
      userArn: 'arn:aws:iam::123456789012:user/alice',
      principalOrgId: null,
    });
    // A SigV4 Authorization header is not forwarded to the integration (behaviour.md §1.1).
    expect(event.headers.Authorization ?? event.headers.authorization).toBeUndefined();
  });

  it('a request signed by aws4fetch passes', async () => {
    const client = new AwsClient({
      accessKeyId: alice.accessKeyId,
      secretAccessKey: alice.secretAccessKey,
      service: 'execute-api',
      region: 'us-east-1',
    });
    const datetime = new Date(clock.now()).toISOString().replace(/[:-]|\.\d{3}/g, '');
    const signed = await client.sign(`https://${HOSTNAME}/dev/pets?limit=2&q=a%20b`, {
      method: 'GET',
      aws: { datetime },
    });
    expect((await iamApi().fetch(signed)).status).toBe(200);
  });

  it('an unsigned request is 403 Missing Authentication Token', async () => {
    const response = await wire(await iamApi().fetch(`https://${HOSTNAME}/dev/pets`));
    expect([response.status, response.body]).toEqual([403, '{"message":"Missing Authentication Token"}']);
    expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });

  it('a tampered request is 403 with the signature-mismatch text, the canonical request and the string to sign', async () => {
    const { url, init } = await smithySigned(alice, { method: 'POST', body: '{"name":"Rex"}' });
    const response = await wire(await iamApi().fetch(url, { ...init, body: '{"name":"Max"}' }));
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    const message = (JSON.parse(response.body) as { message: string }).message;
    expect(message).toMatch(
      /^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\.\n\nThe Canonical String for this request should have been\n'POST\n\/dev\/pets\n\ncontent-type:application\/json\nhost:abcd1234ef\.execute-api\.us-east-1\.amazonaws\.com\nx-amz-content-sha256:[0-9a-f]{64}\nx-amz-date:20240421T150821Z\n\ncontent-type;host;x-amz-content-sha256;x-amz-date\n[0-9a-f]{64}'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20240421T150821Z\n20240421\/us-east-1\/execute-api\/aws4_request\n[0-9a-f]{64}'\n$/,
    );
  });

  it('a wrong secret is 403 InvalidSignatureException', async () => {
    const { url, init } = await smithySigned({ accessKeyId: alice.accessKeyId, secretAccessKey: 'wrong' });
    expect((await iamApi().fetch(url, init)).status).toBe(403);
  });

  it('an unknown access key is 403 "The security token included in the request is invalid."', async () => {
    const { url, init } = await smithySigned({ accessKeyId: 'AKIANOBODYKNOWSTHIS', secretAccessKey: 'x' });
    const response = await wire(await iamApi().fetch(url, init));
    expect([response.status, response.body]).toEqual([
      403,
      '{"message":"The security token included in the request is invalid."}',
    ]);
    expect(response.headers['x-amzn-errortype']).toBe('UnrecognizedClientException');
  });

  it('a signature more than 5 minutes old is 403 "Signature expired"', async () => {
    const { url, init } = await smithySigned(alice, { at: START - 5 * 60_000 - 1000 });
    const response = await wire(await iamApi().fetch(url, init));
    expect(response.status).toBe(403);
    expect(response.body).toBe(
      '{"message":"Signature expired: 20240421T150320Z is now earlier than 20240421T150321Z (20240421T150821Z - 5 min.)"}',
    );
  });

  it('temporary credentials need their session token, and expire', async () => {
    const signed = await smithySigned(temp);
    expect((await iamApi().fetch(signed.url, signed.init)).status).toBe(200);
    const withoutToken = await smithySigned({
      accessKeyId: temp.accessKeyId,
      secretAccessKey: temp.secretAccessKey,
    });
    expect((await iamApi().fetch(withoutToken.url, withoutToken.init)).status).toBe(403);
    const later = createManualClock({ start: START + 60_000 });
    const expired = await smithySigned(temp, { at: later.now() });
    const response = await wire(
      await createGateway({
        clock: later,
        identityProviders: [idp],
        routes: {
          'GET /pets': { authorizationType: 'AWS_IAM', integration: { type: 'AWS_PROXY', handler: backend } },
        },
      }).fetch(expired.url, expired.init),
    );
    expect([response.status, response.body]).toEqual([
      403,
      '{"message":"The security token included in the request is expired"}',
    ]);
    expect(response.headers['x-amzn-errortype']).toBe('ExpiredTokenException');
  });

  it("the caller's identity-based policy decides: no Allow for the method is 403 naming the user", async () => {
    const allowed = await smithySigned(bob);
    expect((await iamApi().fetch(allowed.url, allowed.init)).status).toBe(200);
    const post = await smithySigned(bob, { method: 'POST', body: '{}' });
    const response = await wire(await iamApi().fetch(post.url, post.init));
    expect(response.status).toBe(403);
    expect(response.body).toBe(
      '{"Message":"User: arn:aws:iam::123456789012:user/bob is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:abcd1234ef/dev/POST/pets because no identity-based policy allows the execute-api:Invoke action"}',
    );
    expect(response.headers['x-amzn-errortype']).toBe('AccessDeniedException');
  });

  it('a resource policy Deny on the principal wins over its IAM Allow (explicit deny)', async () => {
    const api = iamApi({
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: { AWS: alice.userArn },
            Action: 'execute-api:Invoke',
            Resource: 'execute-api:/*',
          },
        ],
      } as never,
    });
    const { url, init } = await smithySigned(alice);
    const response = await wire(await api.fetch(url, init));
    expect(response.body).toBe(
      '{"Message":"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:abcd1234ef/dev/GET/pets with an explicit deny in a resource-based policy"}',
    );
  });

  it('a cross-account caller needs both its IAM policy and the resource policy to allow (Table B)', async () => {
    const other = createTestIdentityProvider({ clock, accountId: '210987654321' });
    const carol = other.iamUser('carol');
    const api = (resource: boolean) =>
      createGateway({
        clock,
        identityProviders: [other],
        ...(resource
          ? {
              policy: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: { AWS: '210987654321' },
                    Action: 'execute-api:Invoke',
                    Resource: 'execute-api:/*',
                  },
                ],
              } as never,
            }
          : {
              policy: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: { AWS: '123456789012' },
                    Action: 'execute-api:Invoke',
                    Resource: 'execute-api:/*',
                  },
                ],
              } as never,
            }),
        routes: {
          'GET /pets': { authorizationType: 'AWS_IAM', integration: { type: 'AWS_PROXY', handler: backend } },
        },
      });
    const { url, init } = await smithySigned(carol);
    expect((await api(true).fetch(url, init)).status).toBe(200);
    expect((await api(false).fetch(url, init)).status).toBe(403);
  });

  it('HTTP API payload 2.0 events carry requestContext.authorizer.iam', async () => {
    const api = createGateway({
      apiType: 'HTTP',
      clock,
      identityProviders: [idp],
      routes: {
        'GET /pets': {
          authorizationType: 'AWS_IAM',
          integration: { type: 'AWS_PROXY', handler: echoAuth() },
        },
      },
    });
    const { url, init } = await smithySigned(alice, { path: '/pets' });
    const response = await api.fetch(url, init);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      authorizer: {
        iam: {
          accessKey: alice.accessKeyId,
          accountId: '123456789012',
          callerId: expect.stringMatching(/^AIDA/),
          cognitoIdentity: null,
          principalOrgId: null,
          userArn: alice.userArn,
          userId: expect.stringMatching(/^AIDA/),
        },
      },
    });
  });

  it('a non-SigV4 Authorization header is 403 IncompleteSignatureException naming its hash', async () => {
    const response = await wire(
      await iamApi().fetch(`https://${HOSTNAME}/dev/pets`, {
        headers: { Authorization: 'Bearer test-token' },
      }),
    );
    const hash = createHash('sha256').update('Bearer test-token').digest('base64');
    expect(response.status).toBe(403);
    expect(response.body).toBe(
      `{"message":"Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${hash}'."}`,
    );
    expect(response.headers['x-amzn-errortype']).toBe('IncompleteSignatureException');
  });
});
