// Makes a scratch consumer project the way a user gets one: the package packed with `npm pack` and unpacked into
// node_modules/apigw-testkit (only what package.json `files` ships), beside the project files of
// test/package/consumer/. Other packages (vitest, jest, @types/…) are links to this repository's node_modules, so
// no network is needed. npm test builds dist/ before the tests run.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const template = join(repoRoot, 'test/package/consumer');

/** A scratch project: its directory, a way to run a command in it, and clean-up. */
export interface ConsumerProject {
  dir: string;
  /** Runs `node <script> …args` in the project; never throws. */
  node(script: string, args: readonly string[], env?: Record<string, string>): CommandResult;
  /** Writes more files into the project (relative paths). */
  add(files: Readonly<Record<string, string>>): void;
  remove(): void;
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Packs the package, unpacks it into a new project made from test/package/consumer/, links the other packages. */
export function createConsumerProject(): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-consumer-'));
  cpSync(template, dir, { recursive: true });
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (name === '.bin' || name.startsWith('.')) continue;
    symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name), 'dir');
  }
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: repoRoot,
    encoding: 'utf8',
  }).trim();
  const target = join(modules, 'apigw-testkit');
  mkdirSync(target);
  execFileSync('tar', ['-xzf', join(dir, packed.split('\n').pop()!), '-C', target, '--strip-components=1']);
  return {
    dir,
    node(script, args, env = {}) {
      const run = spawnSync(process.execPath, [script, ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
        timeout: 120_000,
      });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    },
    add(files) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
