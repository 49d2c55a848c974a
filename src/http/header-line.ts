// Header checks of the response hot path: a char-code loop for names and one regular expression for values (in
// place of the three regular-expression tests per header line they replaced: token name, Latin-1 value, value
// undici stores unchanged).

/** True when `name` is an HTTP token (RFC 9110 `tchar`s, at least one). */
export function isTokenName(name: string): boolean {
  const length = name.length;
  if (length === 0) return false;
  for (let i = 0; i < length; i++) {
    const c = name.charCodeAt(i);
    if (c > 126 || TCHAR[c] !== 1) return false;
  }
  return true;
}

// 1 for the token characters: ! # $ % & ' * + - . ^ _ ` | ~ digits and letters.
const TCHAR = new Uint8Array(127);
for (const c of "!#$%&'*+-.^_`|~") TCHAR[c.charCodeAt(0)] = 1;
for (let c = 48; c <= 57; c++) TCHAR[c] = 1;
for (let c = 65; c <= 90; c++) TCHAR[c] = 1;
for (let c = 97; c <= 122; c++) TCHAR[c] = 1;

/** A header value undici stores as it is: Latin-1, no NUL, CR or LF, no leading or trailing space or tab. */
export const PLAIN = 0;
/** Latin-1, but undici would trim it or refuse it. */
export const LATIN1 = 1;
/** Has characters above U+00FF (they travel as UTF-8 bytes). */
export const WIDE = 2;

/** Which of {@link PLAIN}, {@link LATIN1} or {@link WIDE} a header value is. */
export function headerValueKind(value: string): 0 | 1 | 2 {
  const length = value.length;
  if (length === 0) return PLAIN;
  // One regular-expression scan for the value (the usual answer: nothing special), a second only to tell a wide
  // value from one with NUL/CR/LF: about half the time of a char-code loop on the gateway's 16–40 character id
  // and trace values, and much less on the concatenated (cons) strings a loop reads through (measured, Node 20).
  if (SPECIAL.test(value)) return WIDE_CHAR.test(value) ? WIDE : LATIN1;
  if (isEdgeSpace(value.charCodeAt(0)) || isEdgeSpace(value.charCodeAt(length - 1))) return LATIN1;
  return PLAIN;
}

/** NUL, LF, CR or a UTF-16 code unit above U+00FF (surrogates included). */
const SPECIAL = /[\0\n\r\u0100-\uffff]/;
const WIDE_CHAR = /[\u0100-\uffff]/;

const isEdgeSpace = (c: number): boolean => c === 32 || c === 9;

/** True for `content-type` in any case. */
export function isContentType(name: string): boolean {
  return name.length === 12 && name.toLowerCase() === 'content-type';
}
