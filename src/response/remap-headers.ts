/** Prefix REST API Gateway puts before a reserved response header name it renames (behaviour.md §3.1). */
export const REMAPPED_HEADER_PREFIX = 'x-amzn-Remapped-';

// Lower-cased names REST renames for every integration, AWS_PROXY included [REC]; the gateway sends its own.
const RENAMED = new Set(['connection', 'content-length', 'date', 'server']);
const DROPPED = 'transfer-encoding';

/**
 * Applies REST API Gateway's handling of reserved headers an integration returns (behaviour.md §0, §3.1):
 * `Connection`, `Content-Length`, `Date` and `Server` arrive as `x-amzn-Remapped-<Name>` (the name spelled as
 * the integration spelled it; UNCONFIRMED for non-canonical casing) and `Transfer-Encoding` is dropped.
 * Returns the same array when nothing needed changing. HTTP APIs are not remapped (behaviour.md is silent).
 *
 * @example
 * ```ts
 * remapRestResponseHeaders([['Content-Length', '2'], ['X-Id', '1']]);
 * // [['x-amzn-Remapped-Content-Length', '2'], ['X-Id', '1']]
 * ```
 */
export function remapRestResponseHeaders(headers: [string, string][]): [string, string][] {
  let out: [string, string][] | undefined;
  for (let i = 0; i < headers.length; i++) {
    const line = headers[i]!;
    const action = reservedAction(line[0]);
    if (action === undefined) {
      out?.push(line);
      continue;
    }
    out ??= headers.slice(0, i);
    if (action === 'rename') out.push([REMAPPED_HEADER_PREFIX + line[0], line[1]]);
  }
  return out ?? headers;
}

function reservedAction(name: string): 'rename' | 'drop' | undefined {
  const n = name.length;
  // Only names of these lengths can be reserved: skip the lower-casing for every other header.
  if (n !== 4 && n !== 6 && n !== 10 && n !== 14 && n !== 17) return undefined;
  const lower = name.toLowerCase();
  if (RENAMED.has(lower)) return 'rename';
  return lower === DROPPED ? 'drop' : undefined;
}
