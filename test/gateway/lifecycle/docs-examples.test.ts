// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the page's Lambda ARN holds ${stageVariables.alias}
// The examples of docs/stages.md, run as written (with handlers that name themselves).
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock/index.js';
import { createAccount, createGateway, type LambdaHandler } from '../../../src/gateway/index.js';
import { named } from '../helpers.js';

const listPets: LambdaHandler = named('pets v1');
const listPetsV2: LambdaHandler = named('pets v2');
const listOwners: LambdaHandler = named('owners');
const text = async (response: Response) => [response.status, await response.text()] as const;

describe('docs/stages.md examples', () => {
  it('deploy, edit, roll back', async () => {
    const gateway = createGateway({ routes: { 'GET /pets': listPets } });
    const [v1] = gateway.deployments();
    gateway.update({ routes: { 'GET /pets': listPetsV2, 'GET /owners': listOwners } });
    expect((await gateway.fetch('/dev/owners')).status).toBe(403);
    const v2 = gateway.deploy({ stage: 'dev', description: 'adds /owners' });
    expect(await text(await gateway.fetch('/dev/owners'))).toEqual([200, 'owners']);
    gateway.rollback('dev', v1!.id);
    expect(gateway.stage('dev').deploymentId).toBe(v1!.id);
    expect(gateway.deployments().map((d) => d.id)).toEqual([v2.id, v1!.id]);
    expect(await text(await gateway.fetch('/dev/pets'))).toEqual([200, 'pets v1']);
  });

  it('several stages', async () => {
    const gateway = createGateway({
      stage: { name: 'dev', variables: { table: 'pets-dev' } },
      throttle: { stage: { rateLimit: 10, burstLimit: 5 } },
      stages: {
        prod: {
          variables: { table: 'pets' },
          throttle: { stage: { rateLimit: 1000, burstLimit: 500 } },
          accessLog: { format: '$context.requestId $context.stage $context.status' },
        },
      },
      routes: { 'GET /pets': listPets },
    });
    expect((await gateway.fetch('/dev/pets')).status).toBe(200);
    expect(gateway.url('/pets', 'prod')).toBe(
      'https://abcd1234ef.execute-api.us-east-1.amazonaws.com/prod/pets',
    );
    expect((await gateway.fetch(gateway.url('/pets', 'prod'))).status).toBe(200);
    expect(gateway.accessLogs.prod!.map((line) => line.split(' ').slice(1).join(' '))).toEqual(['prod 200']);
    expect(gateway.metrics().stages.prod?.Count).toBe(1);
  });

  it('stage settings without a deployment', () => {
    const gateway = createGateway({ stage: { name: 'prod' }, routes: { 'GET /pets': listPets } });
    const info = gateway.updateStage('prod', [
      { op: 'replace', path: '/variables/table', value: 'pets-v2' },
      { op: 'replace', path: '/*/*/throttling/rateLimit', value: '100' },
      { op: 'replace', path: '/~1pets/GET/caching/ttlInSeconds', value: '60' },
    ]);
    expect(info.variables).toEqual({ table: 'pets-v2' });
  });

  it('stage variables in a Lambda ARN', async () => {
    const seen: string[] = [];
    const record =
      (name: string): LambdaHandler =>
      async (_event, context) => {
        seen.push(context.invokedFunctionArn);
        return { statusCode: 200, body: name };
      };
    const gateway = createGateway({
      functions: { 'pets:live': record('live'), 'pets:next': record('next') },
      stage: { name: 'prod', variables: { alias: 'live' } },
      stages: { beta: { variables: { alias: 'next' } } },
      routes: {
        'GET /pets': {
          integration: {
            type: 'AWS_PROXY',
            uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets:${stageVariables.alias}/invocations',
          },
        },
      },
    });
    expect(await text(await gateway.fetch('/prod/pets'))).toEqual([200, 'live']);
    expect(await text(await gateway.fetch('/beta/pets'))).toEqual([200, 'next']);
    expect(seen).toEqual([
      'arn:aws:lambda:us-east-1:123456789012:function:pets:live',
      'arn:aws:lambda:us-east-1:123456789012:function:pets:next',
    ]);
  });

  it('canaries', async () => {
    const gateway = createGateway({ seed: 'release-42', routes: { 'GET /pets': listPets } });
    gateway.update({ routes: { 'GET /pets': listPetsV2 } });
    gateway.deploy({
      stage: 'dev',
      description: 'v2 canary',
      canarySettings: { percentTraffic: 10, stageVariableOverrides: { table: 'pets-v2' } },
    });
    expect(await text(await gateway.fetch('/dev/pets', {}, { canary: true }))).toEqual([200, 'pets v2']);
    expect(gateway.promoteCanary('dev').variables).toEqual({ table: 'pets-v2' });
    expect(await text(await gateway.fetch('/dev/pets'))).toEqual([200, 'pets v2']);
    expect('canarySettings' in gateway.deleteCanary('dev')).toBe(false);
  });

  it('accounts: one throttle for every API', async () => {
    // A manual clock, so the bucket does not refill while the test runs.
    const account = createAccount({
      clock: createManualClock(),
      throttle: { rateLimit: 100, burstLimit: 50 },
    });
    const pets = createGateway({ account, routes: { 'GET /pets': listPets } });
    const owners = createGateway({ account, apiType: 'HTTP', routes: { 'GET /owners': listOwners } });
    for (let i = 0; i < 50; i++) await pets.fetch(pets.url('/pets'));
    expect((await owners.fetch(owners.url('/owners'))).status).toBe(429);
  });

  it('custom domain names and base path mappings', async () => {
    const account = createAccount();
    const shop = createGateway({ account, stage: { name: 'prod' }, routes: { 'GET /{proxy+}': listPets } });
    const orders = createGateway({ account, apiType: 'HTTP', routes: { 'GET /hats': listOwners } });
    account.createDomainName({
      domainName: 'api.example.com',
      endpointConfiguration: { types: ['REGIONAL'] },
    });
    account.createBasePathMapping({
      domainName: 'api.example.com',
      restApiId: shop.info.apiId,
      stage: 'prod',
    });
    account.createApiMapping({
      domainName: 'api.example.com',
      apiMappingKey: 'orders/v1',
      apiId: orders.info.apiId,
      stage: '$default',
    });
    expect(await text(await account.fetch('https://api.example.com/orders/v1/hats'))).toEqual([
      200,
      'owners',
    ]);
    expect(await text(await account.fetch('https://api.example.com/anything/else'))).toEqual([
      200,
      'pets v1',
    ]);
  });
});
