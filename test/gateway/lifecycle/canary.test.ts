// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Lambda ARNs with ${stageVariables.x} are the subject
// Canary releases (behaviour.md §8.3, §20.2): a share of a stage's requests runs another deployment with stage
// variables overridden, decided from the gateway's seed; promotion and deletion with AWS's semantics and texts.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock/index.js';
import { createGateway, type Gateway, type LambdaHandler } from '../../../src/gateway/index.js';
import { named } from '../helpers.js';

const text = async (response: Response) => [response.status, await response.text()] as const;

/** A gateway whose dev stage serves v1, with a canary deployment serving v2 on `percentTraffic`% of requests. */
function withCanary(percentTraffic: number, seed: string | number = 'canary-test'): Gateway {
  // 10,000 requests in well under a second would meet the account throttle (5,000 burst): raise it, so every request
  // is answered by the canary or the stage and the split alone decides.
  const gateway = createGateway({
    seed,
    clock: createManualClock(),
    throttle: { account: { rateLimit: 10_000, burstLimit: 100_000 } },
    routes: { 'GET /pets': named('v1') },
  });
  gateway.update({ routes: { 'GET /pets': named('v2') } });
  gateway.deploy({ stage: 'dev', description: 'v2', canarySettings: { percentTraffic } });
  return gateway;
}

async function countCanary(gateway: Gateway, n: number): Promise<number> {
  let canary = 0;
  for (let i = 0; i < n; i++) if ((await (await gateway.fetch('/dev/pets')).text()) === 'v2') canary++;
  return canary;
}

describe('the split', () => {
  it.each([
    [10, 1000],
    [33.3, 3330],
    [50, 5000],
  ])(
    'percentTraffic %s: of 10,000 seeded requests about %s go to the canary (within 4 standard deviations)',
    async (share, expected) => {
      const p = share / 100;
      const count = await countCanary(withCanary(share), 10_000);
      expect(Math.abs(count - expected)).toBeLessThanOrEqual(4 * Math.sqrt(10_000 * p * (1 - p)));
    },
  );

  it('the split is reproducible: the same seed sends the same requests to the canary, another seed others', async () => {
    const pattern = async (seed: string) => {
      const gateway = withCanary(30, seed);
      const out: string[] = [];
      for (let i = 0; i < 50; i++) out.push(await (await gateway.fetch('/dev/pets')).text());
      return out.join(',');
    };
    expect(await pattern('a')).toBe(await pattern('a'));
    expect(await pattern('a')).not.toBe(await pattern('b'));
  });

  it.each([
    [0, 0],
    [100, 200],
  ])('percentTraffic %s sends %s of 200 requests to the canary', async (share, expected) => {
    expect(await countCanary(withCanary(share), 200)).toBe(expected);
  });

  it('a test forces a request to the canary or away from it', async () => {
    const gateway = withCanary(0);
    expect(await text(await gateway.fetch('/dev/pets', {}, { canary: true }))).toEqual([200, 'v2']);
    const all = withCanary(100);
    expect(await text(await all.fetch('/dev/pets', {}, { canary: false }))).toEqual([200, 'v1']);
    const none = createGateway({ routes: { 'GET /pets': named('v1') } });
    await expect(none.fetch('/dev/pets', {}, { canary: true })).rejects.toMatchObject({
      code: 'GATEWAY_NO_CANARY',
    });
  });
});

describe('what a canary request sees', () => {
  it('stage variables overlaid by stageVariableOverrides, $context.isCanaryRequest, its own access log and metrics', async () => {
    const handler: LambdaHandler = async (event) => ({
      statusCode: 200,
      body: JSON.stringify(event.stageVariables),
    });
    const gateway = createGateway({
      stage: {
        name: 'prod',
        variables: { alias: 'live', table: 'pets' },
        canarySettings: { percentTraffic: 0, stageVariableOverrides: { alias: 'next', extra: 'yes' } },
      },
      accessLog: { format: '$context.requestId $context.isCanaryRequest' },
      routes: { 'GET /v': handler },
    });
    expect(await text(await gateway.fetch('/prod/v'))).toEqual([200, '{"alias":"live","table":"pets"}']);
    expect(await text(await gateway.fetch('/prod/v', {}, { canary: true }))).toEqual([
      200,
      '{"alias":"next","table":"pets","extra":"yes"}',
    ]);
    const logs = gateway.accessLogs;
    expect(logs.prod!.map((l) => l.split(' ')[1])).toEqual(['false']);
    expect(logs['prod/Canary']!.map((l) => l.split(' ')[1])).toEqual(['true']);
    const metrics = gateway.metrics();
    expect([metrics.stages.prod?.Count, metrics.stages['prod/Canary']?.Count, metrics.total.Count]).toEqual([
      1, 1, 2,
    ]);
  });

  it('$context.isCanaryRequest in a mapping template', async () => {
    const gateway = createGateway({
      stage: { name: 'dev', canarySettings: { percentTraffic: 0 } },
      routes: {
        'GET /c': {
          methodResponses: { '200': {} },
          integration: {
            type: 'MOCK',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            integrationResponses: [
              {
                statusCode: '200',
                responseTemplates: { 'application/json': 'canary=$context.isCanaryRequest' },
              },
            ],
          },
        },
      },
    });
    expect(await text(await gateway.fetch('/dev/c'))).toEqual([200, 'canary=false']);
    expect(await text(await gateway.fetch('/dev/c', {}, { canary: true }))).toEqual([200, 'canary=true']);
  });

  it('stage-variable alias routing: the canary reaches another alias of the same function', async () => {
    const uri =
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets:${stageVariables.alias}/invocations';
    const gateway = createGateway({
      functions: { 'pets:live': named('live build'), 'pets:next': named('next build') },
      stage: {
        name: 'prod',
        variables: { alias: 'live' },
        canarySettings: { percentTraffic: 0, stageVariableOverrides: { alias: 'next' } },
      },
      routes: { 'GET /pets': { integration: { type: 'AWS_PROXY', uri } } },
    });
    expect(await text(await gateway.fetch('/prod/pets'))).toEqual([200, 'live build']);
    expect(await text(await gateway.fetch('/prod/pets', {}, { canary: true }))).toEqual([200, 'next build']);
  });

  it('useStageCache false: canary requests skip the stage cache; true: they use it', async () => {
    let calls = 0;
    const counting: LambdaHandler = async () => ({ statusCode: 200, body: String(++calls) });
    const make = (useStageCache: boolean) =>
      createGateway({
        cache: { ttlInSeconds: 300 },
        stage: { name: 'dev', canarySettings: { percentTraffic: 0, useStageCache } },
        routes: { 'GET /n': counting },
      });
    calls = 0;
    const skip = make(false);
    await skip.fetch('/dev/n');
    expect(await text(await skip.fetch('/dev/n', {}, { canary: true }))).toEqual([200, '2']);
    expect(await text(await skip.fetch('/dev/n'))).toEqual([200, '1']);
    calls = 0;
    const share = make(true);
    await share.fetch('/dev/n');
    expect(await text(await share.fetch('/dev/n', {}, { canary: true }))).toEqual([200, '1']);
  });
});

describe('promotion and deletion (behaviour.md §20.2)', () => {
  it('promotion copies the deployment, merges the overrides into the variables and leaves the canary at 0%', async () => {
    const handler: LambdaHandler = async (event) => ({
      statusCode: 200,
      body: JSON.stringify(event.stageVariables),
    });
    const gateway = createGateway({
      stage: { name: 'dev', variables: { testVar: 'test', testVar2: 'test2' } },
      routes: { 'GET /v': handler },
    });
    gateway.update({ routes: { 'GET /v': named('v2'), 'GET /w': handler } });
    const v2 = gateway.deploy({
      stage: 'dev',
      canarySettings: { percentTraffic: 50, stageVariableOverrides: { testVar: 'override' } },
    });
    const promoted = gateway.promoteCanary('dev');
    expect(promoted).toMatchObject({
      deploymentId: v2.id,
      variables: { testVar: 'override', testVar2: 'test2' },
      canarySettings: {
        deploymentId: v2.id,
        percentTraffic: 0,
        useStageCache: false,
        stageVariableOverrides: { testVar: 'override' },
      },
    });
    expect(await text(await gateway.fetch('/dev/v'))).toEqual([200, 'v2']);
    expect(await text(await gateway.fetch('/dev/w'))).toEqual([
      200,
      '{"testVar":"override","testVar2":"test2"}',
    ]);
    const deleted = gateway.deleteCanary('dev');
    expect('canarySettings' in deleted).toBe(false);
  });

  it('GetStage omits stageVariableOverrides when there are none', () => {
    const gateway = createGateway({
      stage: { name: 'dev', canarySettings: { percentTraffic: 5 } },
      routes: {},
    });
    expect(gateway.stage('dev').canarySettings).toEqual({
      deploymentId: gateway.deployments()[0]!.id,
      percentTraffic: 5,
      useStageCache: false,
    });
  });

  it('UpdateStage on a canary-less stage: replacing percentTraffic creates a canary on the stage’s deployment', () => {
    const gateway = createGateway({ routes: {} });
    const info = gateway.updateStage('dev', [
      { op: 'replace', path: '/canarySettings/percentTraffic', value: '50' },
    ]);
    expect(info.canarySettings).toEqual({
      deploymentId: info.deploymentId,
      percentTraffic: 50,
      useStageCache: false,
    });
  });

  it.each([
    [
      'a canary deployment without a stage',
      (g: Gateway) => g.deploy({ canarySettings: { percentTraffic: 10 } }),
      'Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is null',
    ],
    [
      'a canary on a stage that does not exist',
      (g: Gateway) => g.deploy({ stage: 'prod', canarySettings: { percentTraffic: 10 } }),
      'Invalid deployment content specified.Stage prod must already be created before making a canary release deployment',
    ],
    [
      'promotion without a canary',
      (g: Gateway) => g.promoteCanary('dev'),
      'Promotion not available. Canary does not exist.',
    ],
    [
      'a copy AWS does not offer',
      (g: Gateway) => g.updateStage('dev', [{ op: 'copy', from: '/variables', path: '/deploymentId' }]),
      'Invalid copy operation with path: /deploymentId and from /variables. Valid copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId, /canarySettings/stageVariableOverrides]',
    ],
    [
      'add on /canarySettings/deploymentId',
      (g: Gateway) =>
        g.updateStage('dev', [
          { op: 'add', path: '/canarySettings/deploymentId', value: g.stage('dev').deploymentId },
        ]),
      'Invalid add operation with path: /canarySettings/deploymentId',
    ],
    [
      'a canary deployment id that does not exist',
      (g: Gateway) =>
        g.updateStage('dev', [{ op: 'replace', path: '/canarySettings/deploymentId', value: 'nope00' }]),
      'Deployment id does not exist',
    ],
    [
      'removing a canary field that is not set',
      (g: Gateway) =>
        g.updateStage('dev', [{ op: 'remove', path: '/canarySettings/stageVariableOverrides/x' }]),
      'Cannot remove method setting canarySettings/stageVariableOverrides/x because there is no method setting for this method ',
    ],
  ])('%s is refused with AWS’s text', (_name, call, awsMessage) => {
    const gateway = createGateway({ routes: { 'GET /pets': named('v1') } });
    expect(() => call(gateway)).toThrow(
      expect.objectContaining({
        code: 'GATEWAY_BAD_REQUEST',
        details: { exception: 'BadRequestException', awsMessage },
      }),
    );
  });

  it('HTTP APIs have no canaries', () => {
    expect(() =>
      createGateway({ apiType: 'HTTP', stage: { canarySettings: { percentTraffic: 1 } }, routes: {} }),
    ).toThrow(expect.objectContaining({ code: 'GATEWAY_REST_ONLY' }));
  });
});
