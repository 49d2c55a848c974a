// Definition import speed: importOpenApi of a 200-route OpenAPI document and importTemplate of a SAM template with
// 30 functions, each beside the parser library's own parse of the same file in the same run (target: our import at
// most 3× the bare parse): @apidevtools/swagger-parser's parse for the OpenAPI file, js-yaml (the importer's YAML
// parser) for the template. Handlers are given, so no module is loaded; the file is read in every row.
//
// Run: npm run build && node bench/definitions.bench.mjs
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import jsYaml from 'js-yaml';
import { stringify } from 'yaml';
import { measure, report } from './harness.mjs';

const dist = process.env.BENCH_DIST ?? '../dist';
const { importOpenApi, importTemplate } = await import(`${dist}/gateway/definitions/index.js`);
const ms = Number(process.env.BENCH_MS ?? 1500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'apigw-bench-definitions-'));
const handler = async () => ({ statusCode: 200 });

/** 200 operations on 100 paths, each with a Lambda proxy integration, parameters, a response model. */
function openApiDocument() {
  const paths = {};
  for (let i = 0; i < 100; i++) {
    const uri = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn${i % 20}/invocations`;
    const operation = (method) => ({
      operationId: `${method}Resource${i}`,
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
      ],
      responses: {
        200: {
          description: 'ok',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
        },
      },
      'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri },
    });
    paths[`/resource${i}/{id}`] = { get: operation('get'), put: operation('put') };
  }
  return {
    openapi: '3.0.1',
    info: { title: 'bench', version: '1' },
    paths,
    components: {
      schemas: {
        Item: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } },
          },
        },
        Tag: { type: 'object', properties: { name: { type: 'string' } } },
      },
    },
  };
}

/** A SAM template: 30 functions, each with two Api events on the implicit API. */
function samTemplate() {
  const resources = {};
  for (let i = 0; i < 30; i++) {
    resources[`Function${i}`] = {
      Type: 'AWS::Serverless::Function',
      Properties: {
        CodeUri: `src/fn${i}/`,
        Handler: 'app.handler',
        Runtime: 'nodejs20.x',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder
        Environment: { Variables: { TABLE: { 'Fn::Sub': '${AWS::StackName}-table' } } },
        Events: {
          List: { Type: 'Api', Properties: { Path: `/items${i}`, Method: 'get' } },
          Get: { Type: 'Api', Properties: { Path: `/items${i}/{id}`, Method: 'get' } },
        },
      },
    };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Globals: { Function: { Timeout: 10, MemorySize: 256 } },
    Resources: resources,
  };
}

const openapiFile = join(dir, 'openapi.yaml');
const templateFile = join(dir, 'template.yaml');
writeFileSync(openapiFile, stringify(openApiDocument()));
writeFileSync(templateFile, stringify(samTemplate()));
const openapiHandlers = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`fn${i}`, handler]));
const templateHandlers = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`Function${i}`, handler]));

const cases = [
  ['OpenAPI 200 routes: SwaggerParser.parse (baseline)', () => SwaggerParser.parse(openapiFile)],
  ['OpenAPI 200 routes: importOpenApi', () => importOpenApi(openapiFile, { handlers: openapiHandlers })],
  [
    'SAM 30 functions: js-yaml load of the file (baseline)',
    () => jsYaml.load(readFileSync(templateFile, 'utf8')),
  ],
  ['SAM 30 functions: importTemplate', () => importTemplate(templateFile, { handlers: templateHandlers })],
];

console.log(
  `load average before: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
const best = new Map();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of cases) {
    const result = await measure(name, fn, { ms, batch: 5 });
    const previous = best.get(name);
    if (!previous || result.opsPerSec > previous.opsPerSec) best.set(name, result);
  }
}
const rows = [...best.values()];
report('Definition import: OpenAPI (200 routes)', rows.slice(0, 2), rows[0].name);
report('Definition import: SAM template (30 functions)', rows.slice(2), rows[2].name);
for (const [base, ours] of [
  [rows[0], rows[1]],
  [rows[2], rows[3]],
]) {
  console.log(
    `${ours.name}: ${(base.opsPerSec / ours.opsPerSec).toFixed(2)}× the time of the bare parse (target ≤ 3×)`,
  );
}
console.log(
  `load average after: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
