// SAM / CloudFormation / CDK specifics: handlers loaded from CodeUri like sam local, per-function environments,
// Timeout and memory, aliases, parameters, conditions, mappings, Globals, stages, usage plans.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { importTemplate } from '../../src/gateway/definitions/index.js';
import { createGateway } from '../../src/gateway/index.js';

const ENV = 'test/fixtures/definitions-local/env/template.yaml';

describe('handlers from the template', () => {
  it('sam init’s hello-world runs from CodeUri + Handler (app.lambdaHandler → hello-world/app.mjs) on stage Prod', async () => {
    const imported = await importTemplate('test/fixtures/definitions/sam-hello-world/template.yaml');
    const api = imported.api();
    expect(api.logicalId).toBe('ServerlessRestApi');
    expect(api.stages).toEqual(['Prod', 'Stage']);
    const gateway = createGateway(api.options);
    const response = await gateway.fetch('/Prod/hello');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      message: 'hello world',
      path: '/hello',
      function: 'HelloWorldFunction',
      table: null,
    });
    // Timeout: 3 (Globals) is the Lambda-side timeout the context counts down from.
    expect(body.timeoutMs).toBeGreaterThan(2_900);
    expect(body.timeoutMs).toBeLessThanOrEqual(3_000);
  });

  it('each function sees its own Environment.Variables in process.env, also across concurrent invocations', async () => {
    const gateway = createGateway((await importTemplate(ENV)).api('Api').options);
    const [pets, owners] = await Promise.all([gateway.fetch('/dev/pets'), gateway.fetch('/dev/owners')]);
    const a = await pets.json();
    const b = await owners.json();
    expect(a).toMatchObject({
      before: 'pets-dev',
      after: 'pets-dev',
      atLoad: 'pets-dev',
      shared: 'from-globals',
    });
    expect(b).toMatchObject({ before: 'owners', after: 'owners', atLoad: 'owners', shared: 'from-globals' });
    expect(process.env.TABLE_NAME).toBeUndefined();
    expect(process.env.SHARED).toBeUndefined();
  });

  it('two functions sharing a file get separate module instances (module state is per function, like containers)', async () => {
    const gateway = createGateway((await importTemplate(ENV)).api('Api').options);
    await gateway.fetch('/dev/pets');
    const pets = await (await gateway.fetch('/dev/pets')).json();
    const owners = await (await gateway.fetch('/dev/owners')).json();
    expect([pets.invocations, owners.invocations]).toEqual([2, 1]);
  });

  it('the context carries FunctionName, MemorySize, the alias of AutoPublishAlias and Lambda’s reserved variables', async () => {
    const gateway = createGateway((await importTemplate(ENV, { region: 'eu-west-1' })).api('Api').options);
    const pets = await (await gateway.fetch('/dev/pets')).json();
    const owners = await (await gateway.fetch('/dev/owners')).json();
    expect(pets).toMatchObject({
      functionName: 'Pets',
      memory: '128',
      version: '$LATEST',
      region: 'eu-west-1',
      lambdaName: 'Pets',
      arn: 'arn:aws:lambda:eu-west-1:123456789012:function:Pets:live',
    });
    expect(owners).toMatchObject({
      functionName: 'owners-dev',
      memory: '512',
      arn: 'arn:aws:lambda:eu-west-1:123456789012:function:owners-dev',
    });
  });

  it('Timeout (seconds) is the function timeout: a slower handler fails as a Lambda timeout (502)', async () => {
    const clock = createManualClock();
    const slow = () => new Promise(() => {});
    const imported = await importTemplate(ENV, { handlers: { Pets: slow } });
    const gateway = createGateway({ ...imported.api().options, clock });
    const pending = gateway.handle('/dev/pets');
    await clock.advanceAsync(2_000);
    const { response, trace } = await pending;
    expect(response.status).toBe(502);
    expect(trace.invocation).toMatchObject({ kind: 'error', error: { errorType: 'Sandbox.Timedout' } });
  });

  it('environment overrides per function or for all (the shape of sam local --env-vars)', async () => {
    const imported = await importTemplate(ENV, {
      environment: { Parameters: { SHARED: 'cli' }, Owners: { TABLE_NAME: 'override' } },
    });
    const gateway = createGateway(imported.api().options);
    expect(await (await gateway.fetch('/dev/owners')).json()).toMatchObject({
      after: 'override',
      shared: 'cli',
    });
  });

  it('a TypeScript handler loads where Node can strip types, and is refused with how to fix it where it cannot', async () => {
    const script = `import('apigw-testkit/definitions').then((d) => d.importTemplate('test/fixtures/definitions-local/ts/template.yaml')).then(() => console.log('loaded'), (e) => console.log(e.code))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    const strips = (process.features as { typescript?: unknown }).typescript !== undefined;
    expect(stdout.trim()).toBe(strips ? 'loaded' : 'DEFINITION_TYPESCRIPT_HANDLER');
  });
});

describe('parameters, conditions, mappings, stages', () => {
  it('parameters override Default; Fn::FindInMap, Fn::Sub and conditions follow them', async () => {
    const dev = await importTemplate(ENV);
    expect(dev.api().stages).toEqual(['dev', 'Stage']);
    expect(dev.api().options.stage).toEqual({ name: 'dev', variables: { table: 'pets-dev' } });
    expect(dev.api().routes.map((r) => r.routeKey)).toEqual(['GET /pets', 'GET /owners']);
    const prod = await importTemplate(ENV, {
      parameters: { Stage: 'prod', Tier: 'paid' },
      loadHandlers: false,
      handlers: { Pets: async () => ({}), Owners: async () => ({}), Premium: async () => ({}) },
    });
    expect(prod.api().options.stage).toEqual({ name: 'prod', variables: { table: 'pets-prod' } });
    expect(prod.api().routes.map((r) => r.routeKey)).toEqual(['GET /pets', 'GET /owners', 'GET /premium']);
  });

  it('stage picks one of the declared stages (SAM also creates the stage named "Stage", §21.2)', async () => {
    const imported = await importTemplate(ENV, { stage: 'Stage' });
    const gateway = createGateway(imported.api().options);
    expect((await gateway.fetch('/Stage/pets')).status).toBe(200);
    expect((await gateway.fetch('/dev/pets')).status).toBe(403);
  });

  it('an API key from the template’s UsagePlan admits the request; without it the method answers 403', async () => {
    const imported = await importTemplate('test/fixtures/definitions/cfn-rest-api-key/template.yaml', {
      handlers: { AppFunction: async () => ({ statusCode: 200, body: 'ok' }) },
    });
    const { options } = imported.api();
    expect(options.usagePlans).toEqual([
      { id: 'usageplan', apiStages: [{ stage: 'Prod' }], keys: ['apikey'] },
    ]);
    const gateway = createGateway(options);
    expect((await gateway.fetch('/Prod/')).status).toBe(403);
    const key = options.apiKeys![0]!.value;
    const response = await gateway.fetch('/Prod/', { headers: { 'x-api-key': key } });
    expect([response.status, await response.text()]).toEqual([200, 'ok']);
  });
});
