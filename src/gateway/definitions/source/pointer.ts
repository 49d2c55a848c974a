/** Escapes one JSON pointer token (`/` → `~1`, `~` → `~0`). */
export function escapeToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  // Most tokens need no escaping: skip the two replacements (imports build a pointer per node they visit).
  if (token.indexOf('~') === -1 && token.indexOf('/') === -1) return token;
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Appends tokens to a JSON pointer: `child('/paths', '/pets')` → `/paths/~1pets`. */
export function child(pointer: string, ...tokens: (string | number)[]): string {
  let out = pointer;
  for (const token of tokens) out += `/${escapeToken(token)}`;
  return out;
}

/** The value at `pointer` (`#/components/schemas/Pet` or `/components/…`), or undefined. */
export function getAtPointer(document: unknown, pointer: string): unknown {
  const path = pointer.replace(/^#/, '');
  if (path === '') return document;
  let value: unknown = document;
  for (const raw of path.slice(1).split('/')) {
    const token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, token)) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

/** True for a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `owner[key]` as an object, created (empty) when missing or not an object. */
export function ensureRecord(owner: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = owner[key];
  if (isRecord(existing)) return existing;
  const created: Record<string, unknown> = {};
  owner[key] = created;
  return created;
}
