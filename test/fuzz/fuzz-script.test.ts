// The fuzz script (npm run fuzz) against the built package: a clean run counts every case by outcome and
// exits 0, and each fault it exists to catch — a non-typed error, a timer left pending, an unhandled
// rejection, a promise nothing settles — fails the run with exit code 1 (the planted kind plants one of each).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function fuzz(...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/fuzz.mjs', ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run fuzz', () => {
  it('runs N cases split over the four kinds, prints counts per kind and exits 0', () => {
    const run = fuzz('--cases', '400', '--seed', '3');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('fuzz: 400 cases, seed 3, kinds renderer, builders, validator, gateway');
    for (const kind of ['renderer', 'builders', 'validator', 'gateway']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${kind}\\s+100  `, 'm'));
    }
    expect(run.stdout).toMatch(/fuzz: OK in \d+\.\d s/);
  }, 60_000);

  it('reports a non-typed error, a pending timer, an unhandled rejection and a hang, and exits 1', () => {
    const run = fuzz('--kinds', 'planted', '--cases', '4');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'FAILURE 1: planted case #0 (seed 1): TypeError: planted: a non-typed error',
    );
    expect(run.stderr).toContain('planted: a case that arms a timer: 1 timer(s) left pending');
    expect(run.stderr).toMatch(
      /unhandled rejection during planted case #\d: Error: planted: an unhandled rejection/,
    );
    expect(run.stderr).toMatch(/the run stopped \(worker exit \d+\) during planted case #3/);
    expect(run.stdout).toContain('fuzz: 4 FAILURE(S)');
  }, 60_000);

  it.each([
    ['--cases', 'many'],
    ['--kinds', 'everything'],
    ['--speed', '3'],
  ])('refuses %s %s with the usage line and exit code 2', (flag, value) => {
    const run = fuzz(flag, value);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'usage: node scripts/fuzz.mjs [--cases N] [--seed S] [--kinds renderer,builders,validator,gateway]\n',
    );
  });
});
