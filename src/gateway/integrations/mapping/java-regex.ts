import { GatewayConfigError } from '../../../errors/families.js';
import { javaRegex } from '../../../vtl/java/regex.js';

/**
 * Compiles a `selectionPattern` (a Java regex, behaviour.md §4.5) into a whole-string matcher, as Java's
 * `Matcher.matches()`: `2\d{2}` matches `"200"` but not `"2000"` (AWS does not say whether it uses `matches()`
 * or `find()`; whole-string is our documented choice). Java syntax (`(?i)`, `\Q…\E`, `\A`, `\z`, possessive
 * quantifiers) is translated as the VTL engine does; a pattern that does not compile is a `GatewayConfigError`.
 *
 * @example
 * ```ts
 * compileSelectionPattern('where', '4\\d{2}')('404'); // true
 * ```
 */
export function compileSelectionPattern(where: string, pattern: string): (value: string) => boolean {
  let re: RegExp;
  try {
    const java = javaRegex(pattern);
    re = new RegExp(`^(?:${java.source})$`, java.flags);
  } catch (error) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_INTEGRATION',
      `${where}: selectionPattern ${JSON.stringify(pattern)} is not a valid regex: ${(error as Error).message}`,
      'Fix the pattern, e.g. "4\\\\d{2}" for any 4xx status.',
      { pattern },
    );
  }
  return (value) => re.test(value);
}
