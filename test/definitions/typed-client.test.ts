// A typed client from the exported spec, with a well-kept generator (openapi-typescript's types, openapi-fetch's
// client): the generated types compile under the project's strict settings, a wrong call does not, and the client
// talks to the gateway through gateway.fetch.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { exportOpenApi } from '../../src/gateway/definitions/index.js';
import { createGateway, type LambdaHandler } from '../../src/gateway/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, '.typed-client');

const getPet: LambdaHandler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    id: Number(event.pathParameters?.petId),
    name: 'Rex',
    tag: event.queryStringParameters?.tag,
  }),
});

function petsGateway() {
  return createGateway({
    name: 'pets',
    models: {
      Pet: {
        schema: {
          type: 'object',
          required: ['id', 'name'],
          properties: { id: { type: 'integer' }, name: { type: 'string' }, tag: { type: 'string' } },
        },
      },
    },
    routes: {
      'GET /pets/{petId}': {
        integration: { type: 'AWS_PROXY', handler: getPet },
        requestParameters: { 'method.request.querystring.tag': false },
        methodResponses: { '200': { responseModels: { 'application/json': 'Pet' } } },
      },
    },
  });
}

const CLIENT = `import createClient from 'openapi-fetch';
import type { paths } from './pets.js';

/** Calls GET /pets/{petId} through the gateway; the result's type comes from the exported spec. */
export async function fetchPet(fetch: (request: Request) => Promise<Response>, baseUrl: string) {
  const client = createClient<paths>({ baseUrl, fetch });
  const { data, error } = await client.GET('/pets/{petId}', { params: { path: { petId: '7' }, query: { tag: 'good' } } });
  if (error !== undefined || data === undefined) throw new Error('no pet');
  const name: string = data.name;
  const id: number = data.id;
  return { id, name, tag: data.tag };
}
`;

/** Calls a route the spec does not have: must not compile. */
const WRONG = `import createClient from 'openapi-fetch';
import type { paths } from './pets.js';

export async function wrong() {
  const client = createClient<paths>({ baseUrl: 'https://example.com' });
  await client.GET('/owners/{ownerId}', { params: { path: { ownerId: '1' } } });
}
`;

function typecheck(files: string[]): string[] {
  writeFileSync(
    join(out, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: true,
        noEmit: true,
        types: [],
      },
      files,
    }),
  );
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(out, 'tsconfig.json')],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return (run.stdout + run.stderr).split('\n').filter((line) => line.trim() !== '');
}

describe('a typed client from the exported spec', () => {
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('openapi-typescript types compile with openapi-fetch, a route the API lacks does not, and the client calls the gateway', async () => {
    const gateway = petsGateway();
    const spec = exportOpenApi(gateway);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'pets.ts'), await openapiTS(spec as never));
    writeFileSync(join(out, 'client.ts'), CLIENT);
    writeFileSync(join(out, 'wrong.ts'), WRONG);
    expect(typecheck([join(out, 'pets.ts'), join(out, 'client.ts')])).toEqual([]);
    expect(typecheck([join(out, 'pets.ts'), join(out, 'wrong.ts')]).join('\n')).toContain(
      `Argument of type '"/owners/{ownerId}"' is not assignable`,
    );
    const { fetchPet } = (await import(join(out, 'client.ts'))) as {
      fetchPet(fetch: (request: Request) => Promise<Response>, baseUrl: string): Promise<unknown>;
    };
    expect(await fetchPet((request) => gateway.fetch(request), gateway.info.baseUrl)).toEqual({
      id: 7,
      name: 'Rex',
      tag: 'good',
    });
  }, 120_000);
});
