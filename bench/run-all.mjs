// Runs every benchmark script in turn (npm run bench). Each prints its own table.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
let failed = 0;
for (const script of scripts) {
  const result = spawnSync(process.execPath, [here + script], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
