import { builtin } from '../../../node/builtin.js';

/** A parsed `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header. */
export interface SigV4Authorization {
  accessKeyId: string;
  /** `yyyyMMdd` of the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

/** Why the header is not a complete SigV4 authorization: the IncompleteSignatureException text. */
export interface IncompleteSignature {
  incomplete: string;
}

/**
 * Parses a SigV4 `Authorization` header the way API Gateway reports problems: a part without `=` gives
 * `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with
 * Base64): '…'.` (captured), missing parameters `Authorization header requires 'Credential' parameter.` and so on.
 */
export function parseAuthorization(
  header: string,
  hasDate: boolean,
): SigV4Authorization | IncompleteSignature {
  const hashed = builtin('node:crypto').createHash('sha256').update(header).digest('base64');
  const algorithm = 'AWS4-HMAC-SHA256 ';
  const rest = header.startsWith(algorithm) ? header.slice(algorithm.length) : header;
  const params = new Map<string, string>();
  for (const part of rest.split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    if (eq <= 0) {
      return {
        incomplete: `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${hashed}'.`,
      };
    }
    params.set(item.slice(0, eq), item.slice(eq + 1));
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders']
    .filter((name) => !params.get(name))
    .map((name) => `Authorization header requires '${name}' parameter.`);
  if (!hasDate)
    missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (!header.startsWith(algorithm) && missing.length === 0) {
    missing.push(
      `Unsupported Authorization Type (hashed with SHA-256 and encoded with Base64): '${hashed}'.`,
    );
  }
  if (missing.length > 0) return { incomplete: `${missing.join(' ')} Authorization=${hashed}` };
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator = ''] = params
    .get('Credential')!
    .split('/');
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    terminator,
    signedHeaders: params.get('SignedHeaders')!.split(';'),
    signature: params.get('Signature')!,
  };
}

/** `20240421T150821Z` → epoch ms, or NaN. */
export function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) return Date.parse(value);
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

/** epoch ms → `20240421T150821Z`. */
export function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
