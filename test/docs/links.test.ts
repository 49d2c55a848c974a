// Every relative link of README.md and docs/**/*.md leads somewhere: the file exists and, for `#anchor` links
// into a markdown page, the page has a heading with that GitHub slug.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function markdownUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownUnder(path);
    return path.endsWith('.md') ? [path] : [];
  });
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function githubSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  const seen = new Map<string, number>();
  const text = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = (m[1] as string)
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text
      .replace(/<[^>]+>/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    slugs.add(n === 0 ? base : `${base}-${n}`);
  }
  return slugs;
}

/** Relative link targets outside code: inline `[text](target)` and reference definitions `[id]: target`. */
function linksOf(markdown: string): string[] {
  const text = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] as string);
  const refs = [...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1] as string);
  return [...inline, ...refs].filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

const pages = [join(root, 'README.md'), ...markdownUnder(join(root, 'docs'))];
const links = pages.flatMap((page) =>
  linksOf(readFileSync(page, 'utf8')).map((target) => ({ page: relative(root, page), target })),
);

describe('relative links in README.md and docs/', () => {
  it('there are links to check', () => {
    expect(links.length).toBeGreaterThan(10);
  });

  it('GitHub slugs: lower case, punctuation dropped, spaces to hyphens, duplicates numbered', () => {
    expect([...githubSlugs('# Realistic variants (`apigw-testkit/faker`)\n## A — B\n## A — B\n')]).toEqual([
      'realistic-variants-apigw-testkitfaker',
      'a--b',
      'a--b-1',
    ]);
  });

  it.each(links)('$page → $target', ({ page, target }) => {
    const [path = '', anchor] = target.split('#');
    const file =
      path === '' ? join(root, page) : resolve(dirname(join(root, page)), decodeURIComponent(path));
    expect(existsSync(file), `${target} from ${page}: no file ${relative(root, file)}`).toBe(true);
    if (anchor !== undefined && anchor !== '' && file.endsWith('.md')) {
      const slugs = githubSlugs(readFileSync(file, 'utf8'));
      expect(slugs.has(decodeURIComponent(anchor)), `${target} from ${page}: no heading #${anchor}`).toBe(
        true,
      );
    }
  });
});
