// What the WHATWG URL parser (and so `new Request(url)`) does to the characters of a path and query, without the
// rest of its normalisation: the gateway keeps `//`, dot segments and percent-escapes as the client wrote them.

const encoder = new TextEncoder();
/** Characters the parser changes anywhere: controls, space, DEL, non-ASCII, and the quote/angle set. */
const NEEDS_WORK = /[^\x21-\x7E]|["'<>`{}]/;
const PATH_EXTRA = /["<>`{}]/;
const QUERY_EXTRA = /["'<>]/;

/**
 * Percent-encodes `text` (a path or a query, without `?`) as `new URL()` does: leading and trailing controls and
 * spaces are dropped, tabs and newlines removed, other controls, space, DEL and non-ASCII characters become their
 * UTF-8 bytes in `%XX` (a lone surrogate as U+FFFD), and so do `"<>` plus `` `{} `` in a path or `'` in a query.
 * Text that needs none of this is returned as it is, at the cost of one regular-expression test.
 *
 * @example
 * ```ts
 * encodeLikeUrl('/pets/a b', 'path'); // '/pets/a%20b'
 * encodeLikeUrl('q=hello world&city=Zürich', 'query'); // 'q=hello%20world&city=Z%C3%BCrich'
 * ```
 */
export function encodeLikeUrl(text: string, part: 'path' | 'query'): string {
  if (!NEEDS_WORK.test(text)) return text;
  const extra = part === 'path' ? PATH_EXTRA : QUERY_EXTRA;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code <= 0x20 || code >= 0x7f || extra.test(char)) {
      for (const byte of encoder.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    } else {
      out += char;
    }
  }
  return out;
}

/** Drops the leading and trailing C0 controls and spaces the URL parser ignores. */
export function trimUrl(url: string): string {
  // Two char-code checks instead of a regular expression on every request's URL.
  if (url === '' || (url.charCodeAt(0) > 0x20 && url.charCodeAt(url.length - 1) > 0x20)) return url;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters the parser trims
  return url.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
}
