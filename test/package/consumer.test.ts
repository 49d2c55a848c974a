// A new user's first hour, from the packed tarball: a TypeScript-strict project with vitest 4 and with Jest, set up
// exactly as the docs say. Proves the matcher types need no tsconfig change, the suites pass, and no source-map
// warning is printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractTsExamples } from '../docs/extract-ts-examples.js';
import { type ConsumerProject, createConsumerProject, repoRoot } from './consumer-project.js';

const bin = {
  tsc: join(repoRoot, 'node_modules/typescript/bin/tsc'),
  vitest: join(repoRoot, 'node_modules/vitest/vitest.mjs'),
  jest: join(repoRoot, 'node_modules/jest/bin/jest.js'),
};

let project: ConsumerProject;
// docs/getting-started.md, file by file (each block starts with its file name), in a folder of the project.
const guide = extractTsExamples(readFileSync(join(repoRoot, 'docs/getting-started.md'), 'utf8')).examples;

beforeAll(() => {
  project = createConsumerProject();
  project.add(Object.fromEntries(guide.map((block) => [`getting-started/${block.file}`, block.code])));
}, 60_000);
afterAll(() => project?.remove());

describe('a consumer project made from the packed tarball', () => {
  it('type-checks under strict TypeScript with the documented vitest and Jest set-ups and the getting-started guide (no compilerOptions.types)', () => {
    const run = project.node(bin.tsc, ['-p', 'tsconfig.json']);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);

  it('fails to type-check a wrong matcher argument (the types are real, not any)', () => {
    project.add({
      'wrong.ts': `import 'apigw-testkit';\nimport { expect } from 'vitest';\nexpect({}).toHaveStatusCode('200');\n`,
    });
    const run = project.node(bin.tsc, ['-p', 'tsconfig.json']);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain(
      "wrong.ts(3,29): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.",
    );
    project.add({ 'wrong.ts': 'export {};\n' });
  }, 60_000);

  it('fails to type-check a REST handler on an HTTP API route and a payload 2.0 field on a REST event', () => {
    project.add({
      'wrong-route.ts': [
        "import { createGateway } from 'apigw-testkit/gateway';",
        "import { getTodo } from './todo-api.js';",
        "createGateway({ apiType: 'HTTP', routes: { 'GET /todos/{id}': getTodo } });",
        "createGateway({ routes: { 'GET /x': async (event) => ({ statusCode: 200, body: event.rawPath }) } });",
        '',
      ].join('\n'),
    });
    const run = project.node(bin.tsc, ['-p', 'tsconfig.json']);
    expect(run.status).not.toBe(0);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('wrong-route.ts'));
    expect(errors).toEqual([
      `wrong-route.ts(3,44): error TS2322: Type '(event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>' is not assignable to type 'RouteValueFor<"HTTP", NoInfer<NoAuthorizers>>'.`,
      "wrong-route.ts(4,86): error TS2339: Property 'rawPath' does not exist on type 'APIGatewayProxyEvent'.",
    ]);
    project.add({ 'wrong-route.ts': 'export {};\n' });
  }, 60_000);

  it('runs its vitest suite green, without source-map warnings', () => {
    const run = project.node(bin.vitest, ['run']);
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/Tests\s+\d+ passed/);
    expect(run.status).toBe(0);
    expect(output).not.toMatch(/source ?map/i);
  }, 120_000);

  it('runs docs/getting-started.md as written: its vitest config and its REST and HTTP API tests pass', () => {
    expect(guide.map((block) => block.file)).toEqual([
      'vitest.config.ts',
      'src/pets.ts',
      'test/get-pet.test.ts',
      'test/create-pet.test.ts',
      'test/typed-routes.test.ts',
    ]);
    const run = project.node(bin.vitest, ['run', '--root', 'getting-started']);
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/Test Files\s+3 passed \(3\)/);
    expect(output).toMatch(/Tests\s+6 passed \(6\)/);
    expect(run.status).toBe(0);
  }, 120_000);

  it.each([
    // Jest's ESM mode: the project's jest.config.mjs, its *.jest.mjs files import the package.
    ['ESM mode (node --experimental-vm-modules)', ['--experimental-vm-modules', bin.jest], 4],
    // A CommonJS project (cjs/, "type": "commonjs"): Jest's default mode, every module require()d, JWTs included.
    [
      "CommonJS mode (Jest's default: the require condition, no flags)",
      [bin.jest, '--config', 'cjs/jest.config.js'],
      5,
    ],
  ])(
    'runs the same matchers under real Jest in %s',
    (_mode, command, passed) => {
      const [script, ...args] = command as [string, ...string[]];
      const run = project.node(script, [...args, '--ci', '--json'], {});
      const report = JSON.parse(run.stdout) as {
        numPassedTests: number;
        numFailedTests: number;
        success: boolean;
      };
      expect({ failed: report.numFailedTests, passed: report.numPassedTests }).toEqual({ failed: 0, passed });
      expect(report.success).toBe(true);
      expect(run.stderr).not.toMatch(/source ?map/i);
    },
    120_000,
  );
});
