const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A JWT claim value as API Gateway forwards it: text; arrays as `[a b]`, objects as JSON (behaviour.md §18.1). */
export function claimText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return `[${value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ')}]`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Java's `Date.toString()` in UTC: `Tue Jun 18 15:00:04 UTC 2024`. */
export function javaDateText(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * HTTP API JWT authorizer claims (`requestContext.authorizer.jwt.claims`): every value as text, null claims
 * left out, keys in sorted order as a live capture shows them.
 */
export function jwtClaims(payload: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(payload).sort()) {
    const text = claimText(payload[key]);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

/**
 * REST Cognito authorizer claims (`requestContext.authorizer.claims`): text values in the token's order, with
 * `exp` and `iat` printed as Java dates (`"exp": "Tue Jun 18 15:00:04 UTC 2024"`, recorded) while `auth_time`
 * stays epoch seconds.
 */
export function cognitoClaims(payload: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    const text =
      (key === 'exp' || key === 'iat') && typeof value === 'number' ? javaDateText(value) : claimText(value);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

/** The scopes a token carries: `scope` (space-separated) or `scp` (array or string). */
export function tokenScopes(payload: Readonly<Record<string, unknown>>): string[] {
  const raw = payload.scope ?? payload.scp;
  if (typeof raw === 'string') return raw.split(' ').filter((s) => s !== '');
  if (Array.isArray(raw)) return raw.filter((s): s is string => typeof s === 'string');
  return [];
}
