// The bundle entries, read from package.json so a new `exports` subpath is built without editing a script.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** `./dist/events/index.js` → `events/index` (the bundle's entry name, which is also its output path). */
function entryName(target, ext) {
  const match = new RegExp(`^\\./dist/(.+)\\.${ext}$`).exec(target);
  if (!match)
    throw new Error(`package.json: ${target} is not a ./dist/….${ext} file. Point the entry into dist/.`);
  return match[1];
}

/** The `import` and `require` targets of one `exports` value (a string or a conditions object). */
function targets(value) {
  if (typeof value === 'string') return { import: value.endsWith('.js') ? value : undefined };
  const pick = (condition) => {
    const target = value[condition];
    return typeof target === 'string' ? target : target?.default;
  };
  return { import: pick('import'), require: pick('require') };
}

/**
 * Maps every code entry of `exports` (and the bin) to its TypeScript source:
 * `{ esm: { 'events/index': 'src/events/index.ts', … }, cjs: { … } }`. Entries without a `require` target
 * are still built as CommonJS so the twin exists; the package test asks for the condition.
 */
export function bundleEntries(pkg, root) {
  const esm = {};
  const cjs = {};
  for (const [subpath, value] of Object.entries(pkg.exports)) {
    const { import: esmTarget, require: cjsTarget } = targets(value);
    if (esmTarget === undefined || !esmTarget.startsWith('./dist/')) continue;
    const name = entryName(esmTarget, 'js');
    const source = `src/${name}.ts`;
    if (!existsSync(join(root, source))) {
      throw new Error(
        `package.json exports["${subpath}"]: ${source} does not exist. Create it or fix the path.`,
      );
    }
    esm[name] = source;
    if (cjsTarget !== undefined && entryName(cjsTarget, 'cjs') !== name) {
      throw new Error(
        `package.json exports["${subpath}"]: require must be ./dist/${name}.cjs, not ${cjsTarget}.`,
      );
    }
    cjs[name] = source;
  }
  for (const bin of Object.values(pkg.bin ?? {})) {
    const name = entryName(bin, 'js');
    esm[name] = `src/${name}.ts`;
  }
  return { esm, cjs };
}
