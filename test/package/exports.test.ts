// Imports apigw-testkit by its own name, so Node resolves every specifier through package.json `exports`
// (npm test builds dist/ first). Pins the public surface of each subpath and the peer-free root.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; import: string }>;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const codeSubpaths = Object.entries(pkg.exports).filter(
  (entry): entry is [string, { types: string; import: string }] => typeof entry[1] === 'object',
);

describe('package.json exports', () => {
  it.each(codeSubpaths)('%s points at a built module and its declarations', (_subpath, target) => {
    expect(existsSync(resolve(root, target.import))).toBe(true);
    expect(existsSync(resolve(root, target.types))).toBe(true);
  });

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
        'buildWebSocketAuthorizerEvent',
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
    [
      'apigw-testkit/gateway',
      [
        'createGateway',
        'toNodeListener',
        'runLambdaAuthorizer',
        'enableCors',
        'toUpgradeListener',
        'UpgradeRejectedError',
        'WebSocketClosedError',
        'ConnectionsApiError',
      ],
    ],
    ['apigw-testkit/auth', ['createTestIdentityProvider', 'evaluatePolicy']],
    ['apigw-testkit/clock', ['createManualClock', 'sleep']],
    ['apigw-testkit/errors', ['TestkitError', 'isTestkitError', 'InvalidInputError']],
    ['apigw-testkit/vitest', ['createApigwMatchers']],
    ['apigw-testkit/jest', ['createApigwMatchers']],
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
  ])('%s exports its public functions', async (specifier, names) => {
    const mod = (await import(specifier)) as Record<string, unknown>;
    for (const name of names) expect(typeof mod[name], `${specifier} → ${name}`).toBe('function');
  });

  // Static imports are what `import 'apigw-testkit'` loads; `import()` loads a feature's library only when a
  // gateway uses the feature (jose for JWT/Cognito authorizers, @smithy/signature-v4 for AWS_IAM routes).
  const importsOf = (entry: string, dynamic: boolean) => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const pattern = dynamic
      ? /(?:from\s*|import\s*\(\s*|import\s+)['"]([^'"\s$]+)['"]/g
      : /(?:from\s*|^\s*import\s+)['"]([^'"\s$]+)['"]/gm;
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const match of text.matchAll(pattern)) {
        const spec = match[1]!;
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
        else bare.add(spec);
      }
    };
    visit(resolve(root, entry));
    return { seen, bare: [...bare].filter((spec) => !spec.startsWith('node:')).sort() };
  };

  it('the root entry and everything it imports use no optional peer (only node: builtins and own files)', () => {
    const peers = Object.keys(pkg.peerDependencies);
    const { seen, bare } = importsOf('dist/index.js', false);
    expect(seen.size).toBeGreaterThan(20);
    expect(bare).toEqual([]);
    expect(importsOf('dist/index.js', true).bare.some((spec) => peers.includes(spec))).toBe(false);
  });

  it('runtime dependencies (jose, @smithy/signature-v4, ajv, …) are reached from the core only through lazy import()', () => {
    expect(importsOf('dist/gateway/index.js', true).bare).toEqual([
      '@smithy/hash-node',
      '@smithy/signature-v4',
      'jose',
      'ws',
    ]);
    expect(importsOf('dist/gateway/index.js', false).bare).toEqual([]);
  });

  it('fixtures resolve through the ./fixtures/* subpath', () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('apigw-testkit/fixtures/events/proxy-v1/invalid.json');
    expect(existsSync(file)).toBe(true);
  });
});
