import { formatValue } from '../../errors/format-value.js';
import { TemplateRuntimeError } from '../errors.js';

/**
 * Translates a Java regex to a JS RegExp: leading inline flags `(?i)`, `(?s)`, `(?m)`, `\Q…\E` quoting,
 * `\A`/`\z`/`\Z` anchors and possessive quantifiers (treated as greedy). A pattern that does not compile
 * fails like Java's `PatternSyntaxException`.
 */
export function javaRegex(pattern: string, extraFlags = ''): RegExp {
  let source = pattern;
  let flags = extraFlags;
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]!) if (!flags.includes(f)) flags += f;
  }
  source = source
    .replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, quoted: string) =>
      quoted.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
    )
    .replace(/\\A/g, '^')
    .replace(/\\[zZ]/g, '$')
    .replace(/([*+?}])\+/g, '$1');
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new TemplateRuntimeError(
      'VTL_INVALID_REGEX',
      `Invalid regular expression: ${formatValue(pattern)} (${(error as Error).message})`,
      'Fix the pattern; String.matches/replaceAll/split take Java regular expressions.',
      { pattern },
    );
  }
}

/** Java `Matcher.replaceAll` replacement text: `$n` is a group, `\x` is a literal x. */
export function javaReplacement(replacement: string): (match: string, ...rest: unknown[]) => string {
  if (!replacement.includes('$') && !replacement.includes('\\')) return () => replacement;
  return (match: string, ...rest: unknown[]) => {
    const groups = rest.slice(
      0,
      rest.findIndex((r) => typeof r === 'number'),
    );
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
      const ch = replacement.charAt(i);
      if (ch === '\\') {
        out += replacement.charAt(++i);
      } else if (ch === '$') {
        const digits = /^\d/.exec(replacement.slice(i + 1));
        if (!digits) {
          throw new TemplateRuntimeError(
            'VTL_INVALID_REGEX',
            `Illegal group reference in replacement ${formatValue(replacement)}`,
            'Write $1…$9 for groups and \\$ for a literal dollar sign.',
          );
        }
        // Java reads the first digit, then takes more digits only while the number stays a valid group.
        let n = Number(digits[0]);
        let used = 1;
        for (;;) {
          const d = replacement.charCodeAt(i + 1 + used) - 48;
          if (!(d >= 0 && d <= 9) || n * 10 + d > groups.length) break;
          n = n * 10 + d;
          used++;
        }
        if (n > groups.length) {
          throw new TemplateRuntimeError(
            'VTL_INVALID_REGEX',
            `No group ${n} in the pattern for replacement ${formatValue(replacement)}`,
            'Refer only to groups the pattern defines.',
          );
        }
        out += n === 0 ? match : ((groups[n - 1] as string | undefined) ?? '');
        i += used;
      } else out += ch;
    }
    return out;
  };
}

/** Java `String.split(regex, limit)`: no empty leading string from a zero-width match; limit 0 drops trailing empties. */
export function javaSplit(s: string, pattern: string, limit: number): string[] {
  const re = javaRegex(pattern, 'g');
  const out: string[] = [];
  let last = 0;
  let found = false;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      if (m.index === 0) continue;
    }
    if (limit > 0 && out.length === limit - 1) break;
    found = true;
    out.push(s.slice(last, m.index));
    last = m.index + m[0].length;
  }
  if (!found) return [s];
  out.push(s.slice(last));
  if (limit === 0) while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
