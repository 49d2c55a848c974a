// Imports apigw-testkit by its own name, so Node resolves every specifier through package.json `exports`
// (npm test builds dist/ first). Pins the public surface of each subpath and the peer-free root.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
interface Condition {
  types: string;
  default: string;
}
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { import: Condition; require: Condition }>;
  bin: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const codeSubpaths = Object.entries(pkg.exports).filter(
  (entry): entry is [string, { import: Condition; require: Condition }] => typeof entry[1] === 'object',
);
const require = createRequire(import.meta.url);

describe('package.json exports', () => {
  it.each(codeSubpaths)(
    '%s has an ESM and a CommonJS build, each with its declarations',
    (_subpath, target) => {
      expect(Object.keys(target)).toEqual(['import', 'require']);
      expect(target.import.default).toMatch(/^\.\/dist\/.+\.js$/);
      expect(target.import.types).toBe(target.import.default.replace(/\.js$/, '.d.ts'));
      expect(target.require.default).toBe(target.import.default.replace(/\.js$/, '.cjs'));
      expect(target.require.types).toBe(target.import.default.replace(/\.js$/, '.d.cts'));
      for (const file of [target.import, target.require].flatMap((c) => [c.default, c.types])) {
        expect(existsSync(resolve(root, file)), file).toBe(true);
      }
    },
  );

  it('the bin points at the built CLI with a node shebang', () => {
    const bin = resolve(root, pkg.bin['apigw-testkit']!);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it.each([
    [
      'apigw-testkit',
      [
        'buildProxyEventV1',
        'buildProxyEventV2',
        'validateProxyResult',
        'createGateway',
        'renderTemplate',
        'createManualClock',
        'isTestkitError',
      ],
    ],
    [
      'apigw-testkit/events',
      [
        'buildProxyEventV1',
        'buildProxyEventV2',
        'buildWebSocketEvent',
        'buildTokenAuthorizerEvent',
        'buildRequestAuthorizerEvent',
        'buildRequestAuthorizerEventV2',
        'buildLambdaContext',
        'matchResourcePath',
      ],
    ],
    ['apigw-testkit/response', ['validateProxyResult', 'assertProxyResult', 'ProxyResultError']],
    [
      'apigw-testkit/vtl',
      [
        'compileTemplate',
        'renderTemplate',
        'mappingInputFromEvent',
        'mappingInputFromRequest',
        'TemplateSyntaxError',
      ],
    ],
    ['apigw-testkit/gateway', ['createGateway', 'toNodeListener']],
    ['apigw-testkit/clock', ['createManualClock', 'sleep']],
    ['apigw-testkit/errors', ['TestkitError', 'isTestkitError', 'InvalidInputError']],
    ['apigw-testkit/vitest', ['createApigwMatchers']],
    [
      'apigw-testkit/fast-check',
      ['jsonBody', 'proxyEventV1', 'proxyResultV1', 'checkTemplate', 'assertTemplateRendersJson'],
    ],
    ['apigw-testkit/faker', ['fakeProxyEventV1', 'fakeProxyEventV2']],
    ['apigw-testkit/msw', ['toMswHandlers']],
    ['apigw-testkit/supertest', ['request']],
    [
      'apigw-testkit/definitions',
      ['importOpenApi', 'importTemplate', 'importDefinition', 'describeDefinition', 'formatRouteTable'],
    ],
  ])('%s exports its public functions to import and to require', async (specifier, names) => {
    const mod = (await import(specifier)) as Record<string, unknown>;
    const required = require(specifier) as Record<string, unknown>;
    for (const name of names) {
      expect(typeof mod[name], `import ${specifier} → ${name}`).toBe('function');
      expect(typeof required[name], `require ${specifier} → ${name}`).toBe('function');
    }
    expect(Object.keys(required).sort()).toEqual(Object.keys(mod).sort());
  });

  // A bare specifier is static (`from 'x'`, `require('x')`) or lazy (`import('x')`, loaded when the feature is
  // used): the root may load node builtins statically, and a feature's runtime dependency only lazily.
  it.each([
    ['dist/index.js', /(from\s*|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g],
    ['dist/index.cjs', /(require\(\s*|import\s*\(\s*)['"]([^'"]+)['"]/g],
  ])(
    'the root entry %s and everything it loads use no optional peer (only node builtins and own files; runtime dependencies only through a lazy import())',
    (entry, pattern) => {
      const peers = Object.keys(pkg.peerDependencies);
      const dependencies = Object.keys((pkg as { dependencies?: Record<string, string> }).dependencies ?? {});
      const seen = new Set<string>();
      const bare = new Set<string>();
      const lazy = new Set<string>();
      const visit = (file: string): void => {
        if (seen.has(file)) return;
        seen.add(file);
        const text = readFileSync(file, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, '');
        for (const match of text.matchAll(pattern)) {
          const spec = match[2]!;
          if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
          else if (match[1]!.startsWith('import') && match[1]!.includes('(')) lazy.add(spec);
          else bare.add(spec);
        }
      };
      visit(resolve(root, entry));
      // The entry and the shared chunks it loads (dist/chunks/).
      expect([...seen].filter((file) => file.includes('/dist/chunks/')).length).toBeGreaterThan(2);
      expect([...bare].filter((spec) => !isBuiltin(spec))).toEqual([]);
      expect([...bare].some((spec) => peers.includes(spec))).toBe(false);
      // A feature's runtime dependency is loaded when the feature is used (SigV4 signing for AWS endpoints).
      expect([...lazy].filter((spec) => !isBuiltin(spec) && !dependencies.includes(spec))).toEqual([]);
    },
  );

  it('fixtures resolve through the ./fixtures/* subpath', () => {
    const file = require.resolve('apigw-testkit/fixtures/events/proxy-v1/invalid.json');
    expect(existsSync(file)).toBe(true);
  });
});
