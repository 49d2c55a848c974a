// Deployments and stages (behaviour.md §8.1, §20.1): a deployment freezes the definition, a stage points at one,
// edits are not live until the next deployment, rollback repoints a stage, stage settings apply at once.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock/index.js';
import { createGateway, type LambdaHandler } from '../../../src/gateway/index.js';
import { named, wire } from '../helpers.js';

const v1: LambdaHandler = named('v1');
const v2: LambdaHandler = named('v2');
const text = async (response: Response) => [response.status, await response.text()] as const;

describe('deploy and rollback', () => {
  it('an edit changes nothing live until the next deployment to the stage', async () => {
    const gateway = createGateway({ routes: { 'GET /pets': v1 } });
    gateway.update({ routes: { 'GET /pets': v2, 'GET /owners': v2 } });
    expect(await text(await gateway.fetch('/dev/pets'))).toEqual([200, 'v1']);
    expect(await text(await gateway.fetch('/dev/owners'))).toEqual([
      403,
      '{"message":"Missing Authentication Token"}',
    ]);
    gateway.deploy({ stage: 'dev', description: 'v2' });
    expect(await text(await gateway.fetch('/dev/pets'))).toEqual([200, 'v2']);
    expect(await text(await gateway.fetch('/dev/owners'))).toEqual([200, 'v2']);
  });

  it('keeps the deployment history, newest first, each with its apiSummary; the stage points at the newest', () => {
    const clock = createManualClock({ start: 1_700_000_000_000 });
    const gateway = createGateway({ clock, routes: { 'GET /pets': v1 } });
    const [first] = gateway.deployments();
    clock.advance(60_000);
    gateway.update({
      routes: { 'POST /pets': { integration: { type: 'AWS_PROXY', handler: v2 }, apiKeyRequired: true } },
    });
    const second = gateway.deploy({ stage: 'dev', description: 'adds POST' });
    expect(gateway.deployments()).toEqual([second, first]);
    expect(second).toEqual({
      id: second.id,
      description: 'adds POST',
      createdDate: 1_700_000_060_000,
      apiSummary: {
        '/pets': {
          GET: { authorizationType: 'NONE', apiKeyRequired: false },
          POST: { authorizationType: 'NONE', apiKeyRequired: true },
        },
      },
    });
    expect(first!.createdDate).toBe(1_700_000_000_000);
    expect(second.id).toMatch(/^[a-z0-9]{6}$/);
    expect(second.id).not.toBe(first!.id);
    expect(gateway.stage('dev').deploymentId).toBe(second.id);
  });

  it('rollback serves the older snapshot at once, and $context.deploymentId follows', async () => {
    const seen: string[] = [];
    const handler: LambdaHandler = async (event) => {
      seen.push((event.requestContext as unknown as { deploymentId: string }).deploymentId);
      return { statusCode: 200, body: 'ok' };
    };
    const gateway = createGateway({ routes: { 'GET /pets': handler } });
    const [first] = gateway.deployments();
    gateway.update({ routes: { 'GET /pets': v2 } });
    gateway.deploy({ stage: 'dev' });
    expect(await text(await gateway.fetch('/dev/pets'))).toEqual([200, 'v2']);
    const info = gateway.rollback('dev', first!.id);
    expect(info.deploymentId).toBe(first!.id);
    expect(await text(await gateway.fetch('/dev/pets'))).toEqual([200, 'ok']);
    expect(seen).toEqual([first!.id]);
  });

  it('a deployment without a stage only records the snapshot; deploying to a new stage creates it', async () => {
    const gateway = createGateway({ routes: { 'GET /pets': v1 } });
    const snapshot = gateway.deploy({ description: 'no stage' });
    expect(gateway.stages().map((s) => s.stageName)).toEqual(['dev']);
    gateway.update({ routes: { 'GET /pets': v2 } });
    gateway.deploy({ stageName: 'prod', variables: { tier: 'gold' } });
    expect(gateway.stages().map((s) => [s.stageName, s.variables])).toEqual([
      ['dev', {}],
      ['prod', { tier: 'gold' }],
    ]);
    expect(await text(await gateway.fetch('/dev/pets'))).toEqual([200, 'v1']);
    expect(await text(await gateway.fetch('/prod/pets'))).toEqual([200, 'v2']);
    gateway.createStage({ stageName: 'old', deploymentId: snapshot.id });
    expect(await text(await gateway.fetch(gateway.url('/pets', 'old')))).toEqual([200, 'v1']);
  });

  it('deleting a deployment a stage serves is refused with AWS’s text', () => {
    const gateway = createGateway({ routes: { 'GET /pets': v1 } });
    const [first] = gateway.deployments();
    expect(() => gateway.deleteDeployment(first!.id)).toThrow(
      expect.objectContaining({
        code: 'GATEWAY_BAD_REQUEST',
        details: {
          exception: 'BadRequestException',
          awsMessage: 'Active stages pointing to this deployment must be moved or deleted',
        },
      }),
    );
    const unused = gateway.deploy();
    gateway.deleteDeployment(unused.id);
    expect(gateway.deployments().map((d) => d.id)).toEqual([first!.id]);
  });

  it.each([
    [
      'a stage that does not exist',
      (g: ReturnType<typeof createGateway>) => g.stage('nope'),
      'GATEWAY_NOT_FOUND',
      'Invalid Stage identifier specified',
    ],
    [
      'creating a stage that exists',
      (g: ReturnType<typeof createGateway>) =>
        g.createStage({ stageName: 'dev', deploymentId: g.deployments()[0]!.id }),
      'GATEWAY_CONFLICT',
      'Stage already exists',
    ],
    [
      'a rollback to an unknown deployment',
      (g: ReturnType<typeof createGateway>) => g.rollback('dev', 'zzzzzz'),
      'GATEWAY_BAD_REQUEST',
      'Deployment id does not exist',
    ],
    [
      'an UpdateStage path AWS does not know',
      (g: ReturnType<typeof createGateway>) =>
        g.updateStage('dev', [{ op: 'replace', path: '/nope', value: 'x' }]),
      'GATEWAY_BAD_REQUEST',
      'Invalid method setting path: /nope. Must be one of: [/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]',
    ],
  ])('%s is refused as AWS refuses it', (_name, call, code, awsMessage) => {
    const gateway = createGateway({ routes: { 'GET /pets': v1 } });
    expect(() => call(gateway)).toThrow(
      expect.objectContaining({ code, details: expect.objectContaining({ awsMessage }) }),
    );
  });
});

describe('several stages at once', () => {
  it('each stage has its variables, throttling, access log and metrics, at its own URL', async () => {
    const clock = createManualClock();
    const handler: LambdaHandler = async (event) => ({
      statusCode: 200,
      body: event.stageVariables?.tier ?? 'none',
    });
    const gateway = createGateway({
      clock,
      stage: { name: 'dev', variables: { tier: 'bronze' } },
      throttle: { stage: { rateLimit: 1, burstLimit: 1 } },
      accessLog: { format: '$context.requestId $context.stage $context.status' },
      stages: {
        prod: {
          variables: { tier: 'gold' },
          throttle: { stage: { rateLimit: 100, burstLimit: 100 } },
          accessLog: {
            format: '{"id":"$context.requestId","stage":"$context.stage","status":$context.status}',
          },
        },
      },
      routes: { 'GET /pets': handler },
    });
    expect(await text(await gateway.fetch('/dev/pets'))).toEqual([200, 'bronze']);
    expect((await gateway.fetch('/dev/pets')).status).toBe(429);
    expect(await text(await gateway.fetch('/prod/pets'))).toEqual([200, 'gold']);
    expect(await text(await gateway.fetch('/prod/pets'))).toEqual([200, 'gold']);
    const logs = gateway.accessLogs;
    expect(Object.keys(logs)).toEqual(['dev', 'prod']);
    expect(logs.dev!.map((line) => line.split(' ').slice(1).join(' '))).toEqual(['dev 200', 'dev 429']);
    expect(logs.prod!.map((line) => JSON.parse(line).stage + JSON.parse(line).status)).toEqual([
      'prod200',
      'prod200',
    ]);
    expect(gateway.accessLog).toBe(logs.dev);
    const metrics = gateway.metrics();
    expect([metrics.stages.dev?.Count, metrics.stages.dev?.['4XXError'], metrics.stages.prod?.Count]).toEqual(
      [2, 1, 2],
    );
    expect(gateway.url('/pets', 'prod')).toBe(
      'https://abcd1234ef.execute-api.us-east-1.amazonaws.com/prod/pets',
    );
    expect((await gateway.fetch('/staging/pets')).status).toBe(403);
  });

  it('stage settings apply without a deployment (behaviour.md §20.1)', async () => {
    const handler: LambdaHandler = async (event) => ({
      statusCode: 200,
      body: JSON.stringify(event.stageVariables),
    });
    const gateway = createGateway({
      stage: { name: 'dev', variables: { a: '1' } },
      routes: { 'GET /v': handler },
    });
    const before = gateway.deployments();
    gateway.updateStage('dev', [
      { op: 'replace', path: '/variables/a', value: '2' },
      { op: 'add', path: '/variables/b', value: 'x' },
    ]);
    expect(await text(await gateway.fetch('/dev/v'))).toEqual([200, '{"a":"2","b":"x"}']);
    gateway.updateStage('dev', { variables: { c: '3' } });
    expect(await text(await gateway.fetch('/dev/v'))).toEqual([200, '{"c":"3"}']);
    expect(gateway.deployments()).toEqual(before);
  });

  it('UpdateStage method settings set the stage throttle at once', async () => {
    const clock = createManualClock();
    const gateway = createGateway({ clock, routes: { 'GET /pets': v1 } });
    gateway.updateStage('dev', [
      { op: 'replace', path: '/*/*/throttling/rateLimit', value: '1' },
      { op: 'replace', path: '/*/*/throttling/burstLimit', value: '1' },
    ]);
    expect((await gateway.fetch('/dev/pets')).status).toBe(200);
    const refused = await wire(await gateway.fetch('/dev/pets'));
    expect([refused.status, refused.body]).toEqual([429, '{"message":"Too Many Requests"}']);
  });

  it('HTTP APIs: $default serves at the root beside named stages; autoDeploy deploys every update', async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      stage: { autoDeploy: true },
      stages: { beta: {} },
      routes: { 'GET /pets': v1 },
    });
    gateway.update({ routes: { 'GET /pets': v2 } });
    expect(await text(await gateway.fetch('/pets'))).toEqual([200, 'v2']);
    expect(await text(await gateway.fetch('/beta/pets'))).toEqual([200, 'v1']);
    expect(gateway.deployments()).toHaveLength(2);
  });
});

describe('update modes (behaviour.md §17.7)', () => {
  it('merge replaces the routes it names and keeps the others; binary media types are a union, existing first', async () => {
    const gateway = createGateway({
      binaryMediaTypes: ['image/png'],
      routes: { 'GET /a': v1, 'GET /b': v1 },
    });
    gateway.update({ binaryMediaTypes: ['image/gif', 'image/png'], routes: { 'GET /b': v2 } });
    expect(gateway.definition().binaryMediaTypes).toEqual(['image/png', 'image/gif']);
    gateway.deploy({ stage: 'dev' });
    expect(await text(await gateway.fetch('/dev/a'))).toEqual([200, 'v1']);
    expect(await text(await gateway.fetch('/dev/b'))).toEqual([200, 'v2']);
  });

  it('overwrite replaces the whole definition', async () => {
    const gateway = createGateway({
      binaryMediaTypes: ['image/png'],
      routes: { 'GET /a': v1, 'GET /b': v1 },
    });
    gateway.update({ routes: { 'GET /b': v2 } }, { mode: 'overwrite' });
    expect(gateway.definition()).toEqual({ routes: { 'GET /b': v2 } });
    gateway.deploy({ stage: 'dev' });
    expect((await gateway.fetch('/dev/a')).status).toBe(403);
  });

  it.each([
    ['a stage setting', { throttle: {} }, 'updateStage'],
    ['an environment option', { clock: createManualClock() }, 'fixed when the gateway is created'],
  ])('refuses %s with where it belongs', (_name, change, words) => {
    const gateway = createGateway({ routes: { 'GET /a': v1 } });
    expect(() => gateway.update(change as never)).toThrow(
      expect.objectContaining({ code: 'GATEWAY_INVALID_UPDATE', hint: expect.stringContaining(words) }),
    );
  });

  it('an invalid edit fails at update time, naming the route', () => {
    const gateway = createGateway({ routes: { 'GET /a': v1 } });
    expect(() =>
      gateway.update({ routes: { 'GET /b': { integration: { type: 'NOPE' } } as never } }),
    ).toThrow(
      expect.objectContaining({
        code: 'GATEWAY_INVALID_INTEGRATION',
        message: expect.stringContaining('routes["GET /b"]'),
      }),
    );
  });
});
