import { formatValue } from '../../errors/format-value.js';
import { TemplateRuntimeError } from '../errors.js';

/**
 * Commons-Lang 2 `StringEscapeUtils.escapeJavaScript`: `'` → `\'`, `"` → `\"`, `\` → `\\`, `/` → `\/`,
 * `\b \f \n \r \t`, other control characters and everything above U+007F as `\uXXXX` (uppercase hex).
 *
 * @example
 * ```ts
 * escapeJavaScript(`It's "é"`); // It\'s \"\u00E9\"
 * ```
 */
export function escapeJavaScript(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f || c < 0x20) {
      switch (c) {
        case 8:
          out += '\\b';
          break;
        case 9:
          out += '\\t';
          break;
        case 10:
          out += '\\n';
          break;
        case 12:
          out += '\\f';
          break;
        case 13:
          out += '\\r';
          break;
        default:
          out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
      }
      continue;
    }
    const ch = s.charAt(i);
    if (ch === "'" || ch === '"' || ch === '\\' || ch === '/') out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

const UTF8 = new TextEncoder();
const UTF8_DECODER = new TextDecoder('utf-8', { ignoreBOM: true });
const UNRESERVED = /^[A-Za-z0-9.\-*_]*$/;

/**
 * Java `URLEncoder.encode(s, "UTF-8")` (form encoding): letters, digits and `.-*_` stay, space becomes `+`,
 * everything else is `%XX` of its UTF-8 bytes (uppercase). A lone surrogate encodes as `?` (`%3F`), as Java does.
 *
 * @example
 * ```ts
 * urlEncode('a b&c/ü'); // 'a+b%26c%2F%C3%BC'
 * ```
 */
export function urlEncode(s: string): string {
  if (UNRESERVED.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s.charAt(i);
    if (
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      ch === '.' ||
      ch === '-' ||
      ch === '*' ||
      ch === '_'
    ) {
      out += ch;
    } else if (c === 32) {
      out += '+';
    } else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const low = s.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0x3f;
      for (const byte of UTF8.encode(String.fromCodePoint(cp))) {
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

/**
 * Java `URLDecoder.decode(s, "UTF-8")`: `+` is a space, `%XX` sequences are UTF-8 bytes (malformed bytes
 * become U+FFFD). A `%` not followed by two hex digits fails like Java's IllegalArgumentException.
 *
 * @example
 * ```ts
 * urlDecode('a+b%26c%2F%C3%BC'); // 'a b&c/ü'
 * ```
 */
export function urlDecode(s: string): string {
  if (!s.includes('%') && !s.includes('+')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    if (ch === '+') {
      out += ' ';
      i++;
    } else if (ch === '%') {
      const bytes: number[] = [];
      while (i < s.length && s.charAt(i) === '%') {
        const hex = s.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
          throw new TemplateRuntimeError(
            'VTL_URL_DECODE_FAILED',
            `$util.urlDecode failed: illegal hex characters in escape (%) pattern at index ${i} of ${formatValue(s)}`,
            'Percent signs must start a %XX escape; encode a literal % as %25.',
          );
        }
        bytes.push(Number.parseInt(hex, 16));
        i += 3;
      }
      out += UTF8_DECODER.decode(Uint8Array.from(bytes));
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * Standard base64 (with padding) of the UTF-8 bytes, as `$util.base64Encode`.
 *
 * @example
 * ```ts
 * base64Encode('héllo'); // 'aMOpbGxv'
 * ```
 */
export function base64Encode(s: string): string {
  const bytes = UTF8.encode(s);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * `java.util.Base64.getDecoder()` then UTF-8: the standard alphabet only, padding optional but exact when
 * present (`YQ=` fails, `YQ` and `YQ==` decode); anything else
 * fails like Java's IllegalArgumentException.
 *
 * @example
 * ```ts
 * base64Decode('aMOpbGxv'); // 'héllo'
 * base64Decode('YQ'); // 'a'
 * ```
 */
export function base64Decode(s: string): string {
  const bare = s.replace(/=+$/, '');
  const padding = s.length - bare.length;
  if (
    !/^[A-Za-z0-9+/]*$/.test(bare) ||
    bare.length % 4 === 1 ||
    padding > 2 ||
    (padding > 0 && (bare.length + padding) % 4 !== 0)
  ) {
    throw new TemplateRuntimeError(
      'VTL_BASE64_DECODE_FAILED',
      `$util.base64Decode failed: ${formatValue(s.length > 40 ? `${s.slice(0, 40)}…` : s)} is not base64`,
      'Pass standard base64 (A-Z a-z 0-9 + /, optional = padding); URL-safe base64 is not accepted.',
    );
  }
  const binary = atob(bare.length % 4 === 0 ? bare : bare + '='.repeat(4 - (bare.length % 4)));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return UTF8_DECODER.decode(bytes);
}
