import type { AwsCredentials } from './types.js';

/** A request to sign: method, absolute URL, headers, body. */
export interface UnsignedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/**
 * Signs a request with AWS Signature Version 4 (`@smithy/signature-v4`, loaded on first use so a gateway without
 * AWS endpoints never loads it). `signingDate` comes from the gateway clock. Returns the headers to send
 * (`Authorization`, `X-Amz-Date`, `x-amz-content-sha256`, `X-Amz-Security-Token` with a session token, `host`).
 *
 * @example
 * ```ts
 * const headers = await signRequest(request, credentials, 'us-east-1', 'dynamodb', clock.now());
 * ```
 */
export async function signRequest(
  request: UnsignedRequest,
  credentials: AwsCredentials,
  region: string,
  service: string,
  now: number,
): Promise<Record<string, string>> {
  const [{ SignatureV4 }, { Hash }] = await Promise.all([
    import('@smithy/signature-v4'),
    import('@smithy/hash-node'),
  ]);
  const signer = new SignatureV4({
    credentials,
    region,
    service,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: service !== 's3',
    applyChecksum: service === 's3',
  });
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of request.url.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: request.url.protocol,
      hostname: request.url.hostname,
      ...(request.url.port ? { port: Number(request.url.port) } : {}),
      path: request.url.pathname,
      query,
      headers: { ...request.headers, host: request.url.host },
      body: request.body,
    },
    { signingDate: new Date(now) },
  );
  return signed.headers;
}
