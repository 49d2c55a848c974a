/** A compiled IAM wildcard pattern. */
export type WildcardMatcher = (text: string) => boolean;

const always: WildcardMatcher = () => true;

/**
 * Compiles an IAM wildcard pattern as policy `Action` (case-insensitive) and `Resource` (case-sensitive) use
 * it: `*` matches any run of characters (`/` and `:` included), `?` exactly one; everything else is literal.
 * Patterns without wildcards compare by equality and a trailing-`*` prefix by `startsWith`, so the common
 * execute-api resources cost no regular expression.
 *
 * @example
 * ```ts
 * compileWildcard('arn:aws:execute-api:*:*:abcd1234ef/dev/GET/*', false)('arn:aws:execute-api:us-east-1:1:abcd1234ef/dev/GET/pets'); // true
 * ```
 */
export function compileWildcard(pattern: string, ignoreCase: boolean): WildcardMatcher {
  if (pattern === '*') return always;
  const star = pattern.indexOf('*');
  const question = pattern.indexOf('?');
  const fold = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  const literal = fold(pattern);
  if (star === -1 && question === -1) return (text) => fold(text) === literal;
  if (question === -1 && star === pattern.length - 1) {
    const prefix = literal.slice(0, -1);
    return (text) => fold(text).startsWith(prefix);
  }
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
  return (text) => re.test(text);
}

/** A matcher that is true when any of `patterns` matches. */
export function anyOf(patterns: readonly string[], ignoreCase: boolean): WildcardMatcher {
  const matchers = patterns.map((p) => compileWildcard(p, ignoreCase));
  if (matchers.length === 1) return matchers[0]!;
  return (text) => {
    for (const match of matchers) if (match(text)) return true;
    return false;
  };
}
