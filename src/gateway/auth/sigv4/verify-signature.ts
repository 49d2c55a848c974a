import { createHash, createHmac } from 'node:crypto';
import { getCanonicalHeaders, getPayloadHash, getSigningKey, SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest, SourceData } from '@smithy/types';

/** A SHA-256 (or HMAC-SHA-256, with a secret) hash in the shape the smithy signer takes, on node:crypto. */
class Sha256 {
  readonly #hash;
  constructor(secret?: SourceData) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: SourceData): void {
    this.#hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
}

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** The smithy signer with its canonical-request steps reachable (they are protected there). */
class Verifier extends SignatureV4 {
  canonicalRequest(request: HttpRequest, headers: Record<string, string>, payloadHash: string): string {
    return this.createCanonicalRequest(request, headers, payloadHash);
  }
  stringToSign(longDate: string, scope: string, canonical: string): Promise<string> {
    return this.createStringToSign(longDate, scope, canonical, 'AWS4-HMAC-SHA256');
  }
}

/** What the server recomputes. */
export interface ExpectedSignature {
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
}

/**
 * Recomputes a request's SigV4 signature with @smithy/signature-v4 (the AWS SDK's own signer): canonical
 * request over exactly the headers the client signed, string to sign, signing key, HMAC. `request` holds the
 * path as sent (the signer escapes it again, as execute-api expects) and the decoded query.
 */
export async function expectedSignature(
  request: HttpRequest,
  signedHeaders: readonly string[],
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  longDate: string,
  scope: { date: string; region: string; service: string },
): Promise<ExpectedSignature> {
  const verifier = new Verifier({
    credentials,
    region: scope.region,
    service: scope.service,
    sha256: Sha256,
  });
  const headers = getCanonicalHeaders(request, undefined, new Set(signedHeaders));
  // execute-api hashes the body it received; an `x-amz-content-sha256` header is signed like any header but does
  // not replace the hash (only S3 trusts it), so a tampered body never verifies.
  const payloadHash = await getPayloadHash({ ...request, headers: {} }, Sha256);
  const canonicalRequest = verifier.canonicalRequest(request, headers, payloadHash);
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = await verifier.stringToSign(longDate, credentialScope, canonicalRequest);
  const key = await getSigningKey(Sha256, credentials, scope.date, scope.region, scope.service);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return { signature, canonicalRequest, stringToSign };
}
