// Imports apigw-testkit by its own name, so Node resolves every specifier through package.json `exports`
// (npm test builds dist/ first). Pins the public surface of each subpath and the peer-free root.
import { execFileSync } from 'node:child_process';
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
  dependencies: Record<string, string>;
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
  ])('%s exports its public functions to import and to require', async (specifier, names) => {
    const mod = (await import(specifier)) as Record<string, unknown>;
    const required = require(specifier) as Record<string, unknown>;
    for (const name of names) {
      expect(typeof mod[name], `import ${specifier} → ${name}`).toBe('function');
      expect(typeof required[name], `require ${specifier} → ${name}`).toBe('function');
    }
    expect(Object.keys(required).sort()).toEqual(Object.keys(mod).sort());
  });

  // Static imports (`from 'x'`, `import 'x'`, `require('x')`) are what loading an entry loads; `import('x')`
  // (in CommonJS output also `.then(() => require('x'))`) loads a feature's library only when a gateway uses the feature (jose for JWT/Cognito authorizers,
  // @smithy/signature-v4 for AWS_IAM routes, ws for WebSocket clients).
  const importsOf = (entry: string, dynamic: boolean) => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const pattern = dynamic
      ? /(?:from\s*|(?:import|__apigwImport)\s*\(\s*|^\s*import\s+|require\(\s*|resolve\(__dirname,\s*)['"]([^'"\s$]+)['"]/gm
      : /(?:from\s*|^\s*import\s+|(?<!\(\)\s*=>\s*)require\(\s*|resolve\(__dirname,\s*)['"]([^'"\s$]+)['"]/gm;
    const visit = (file: string): void => {
      // The code-cache loader's own imports are pinned by their own test below.
      if (seen.has(file) || file.endsWith('code-cache-loader.cjs')) return;
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
    return {
      seen,
      bare: [...bare].filter((spec) => !isBuiltin(spec)).sort(),
      builtins: [...bare].filter((spec) => isBuiltin(spec)).sort(),
    };
  };

  // node:crypto, node:http, node:net, node:module and node:fs each load Node's stream stack (~5–10 ms from ESM):
  // features reach them on first use through src/node/builtin.ts, so importing the root stays cheap
  // (docs/decisions/0006-bundled-dual-build.md). `url` is the CommonJS build's `import.meta.url`, read in functions.
  // node:path: the entry resolves its chunks' paths for the code-cache loader (loaded by every node start).
  it('the root entry dist/index.cjs imports no Node builtin but node:buffer, node:path and url at load time', () => {
    expect(importsOf('dist/index.cjs', false).builtins).toEqual(['node:buffer', 'node:path', 'url']);
  });

  // Every ES module entry is a wrapper over its CommonJS twin (docs/decisions/0008-code-cache-loader.md).
  it.each([...codeSubpaths.map(([, target]) => target.import.default), pkg.bin['apigw-testkit']!])(
    '%s loads its CommonJS twin through the code-cache loader, importing nothing else but node:module and ES module peers',
    (target) => {
      const text = readFileSync(resolve(root, target), 'utf8');
      const twin = `./${target.split('/').pop()!.replace(/\.js$/, '.cjs')}`;
      expect(text).toContain(`.loadEntry(new URL(${JSON.stringify(twin)}, import.meta.url).href, require,`);
      const imported = [...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
      const peers = Object.keys(pkg.peerDependencies);
      expect(imported[0]).toBe('node:module');
      for (const spec of imported.slice(1))
        expect(peers.some((p) => spec === p || spec.startsWith(`${p}/`))).toBe(true);
    },
  );

  // node:vm is the one addition: a thin public layer over internals Node has loaded already (~0.2 ms, measured).
  it('the code-cache loader uses only Node modules a bare node start has already loaded, and node:vm', () => {
    const script = `const before = new Set(process.moduleLoadList);
      require(${JSON.stringify(resolve(root, 'dist/code-cache-loader.cjs'))});
      console.log(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))));`;
    const added = JSON.parse(
      execFileSync(process.execPath, ['-e', script], {
        encoding: 'utf8',
        env: { ...process.env, APIGW_TESTKIT_CODE_CACHE: '0' },
      }),
    ) as string[];
    expect(added).toEqual(['NativeModule vm']);
  });

  it('the root entry dist/index.cjs and everything it loads use no optional peer (only node builtins and own files)', () => {
    const peers = Object.keys(pkg.peerDependencies);
    const { seen, bare } = importsOf('dist/index.cjs', false);
    // The entry and the shared chunks it loads (dist/chunks/).
    expect([...seen].filter((file) => file.includes('/dist/chunks/')).length).toBeGreaterThan(2);
    expect(bare).toEqual([]);
    expect(importsOf('dist/index.cjs', true).bare.some((spec) => peers.includes(spec))).toBe(false);
  });

  // jose ships only ES modules, which Jest's CommonJS runtime cannot require(): the build bundles it.
  it('runtime dependencies (jose, @smithy/signature-v4, ws) are reached from dist/gateway/index.cjs only through lazy import()', () => {
    const entry = 'dist/gateway/index.cjs';
    const all = importsOf(entry, true);
    const eager = importsOf(entry, false);
    expect(all.bare).toEqual(['@smithy/hash-node', '@smithy/signature-v4', 'ws']);
    expect(eager.bare).toEqual([]);
    // The chunks holding bundled jose code are loaded lazily too.
    const bundledJose = [...all.seen].filter((file) =>
      readFileSync(file, 'utf8').includes('node_modules/jose/'),
    );
    expect(bundledJose.length).toBeGreaterThan(0);
    expect(bundledJose.filter((file) => eager.seen.has(file))).toEqual([]);
  });

  it('fixtures resolve through the ./fixtures/* subpath', () => {
    const file = require.resolve('apigw-testkit/fixtures/events/proxy-v1/invalid.json');
    expect(existsSync(file)).toBe(true);
  });
});
