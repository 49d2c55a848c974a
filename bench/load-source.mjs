// Loads an internal module of src/ for a benchmark: dist/ holds only the bundled public entries, so the module
// is bundled on the fly (rolldown, the build's own bundler) into a temporary folder and imported from there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Imports `src/<path>` (a .ts path relative to src/) and returns its module namespace. */
export async function loadSource(path) {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-bench-'));
  try {
    const bundle = await rolldown({
      input: join(root, 'src', path),
      platform: 'node',
      external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
      logLevel: 'warn',
    });
    await bundle.write({ dir, format: 'esm', entryFileNames: 'module.mjs' });
    await bundle.close();
    return await import(pathToFileURL(join(dir, 'module.mjs')).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
