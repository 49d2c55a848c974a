import { DEFAULT_SOURCE_IP } from '../../events/derive/constants.js';
import type { IdSource } from '../../ids/ids.js';
import type { GatewayRequest } from '../pipeline/gateway-request.js';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The CloudFront edge address appended to `X-Forwarded-For` (a CloudFront range; the exact one varies). */
export const CLOUDFRONT_EDGE_IP = '130.176.118.57';

/**
 * The headers an edge-optimized endpoint adds on the way through CloudFront (behaviour.md §19.3, recorded captures):
 * `Via: 1.1 <32 hex>.cloudfront.net (CloudFront)`, `X-Amz-Cf-Id`, the `CloudFront-*` viewer headers, and the edge's
 * address appended to `X-Forwarded-For`. Values come from the seeded `ids`, so a test sees the same ones every run.
 */
export function addCloudFrontHeaders(request: GatewayRequest, ids: IdSource): void {
  const headers = request.headers;
  let cfId = '';
  for (let i = 0; i < 54; i++) cfId += BASE64URL[Math.floor(ids.float() * 64)];
  const forwarded = headers.findIndex(([name]) => name.toLowerCase() === 'x-forwarded-for');
  if (forwarded === -1) headers.push(['X-Forwarded-For', `${DEFAULT_SOURCE_IP}, ${CLOUDFRONT_EDGE_IP}`]);
  else headers[forwarded] = [headers[forwarded]![0], `${headers[forwarded]![1]}, ${CLOUDFRONT_EDGE_IP}`];
  headers.push(
    ['Via', `1.1 ${ids.hex(32)}.cloudfront.net (CloudFront)`],
    ['X-Amz-Cf-Id', `${cfId}==`],
    ['CloudFront-Forwarded-Proto', 'https'],
    ['CloudFront-Is-Desktop-Viewer', 'true'],
    ['CloudFront-Is-Mobile-Viewer', 'false'],
    ['CloudFront-Is-SmartTV-Viewer', 'false'],
    ['CloudFront-Is-Tablet-Viewer', 'false'],
    ['CloudFront-Viewer-ASN', '16509'],
    ['CloudFront-Viewer-Country', 'US'],
  );
}
