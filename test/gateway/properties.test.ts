import type { APIGatewayProxyEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway } from '../../src/gateway/index.js';

describe('gateway properties', () => {
  it('under any arrival pattern, admitted requests never exceed burst + rate × elapsed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }),
        async (burstLimit, rateLimit, gaps) => {
          const clock = createManualClock();
          const start = clock.now();
          const gateway = createGateway({
            clock,
            throttle: { stage: { rateLimit, burstLimit } },
            routes: { 'GET /x': async () => ({ statusCode: 200 }) },
          });
          let admitted = 0;
          for (const gap of gaps) {
            clock.advance(gap);
            if ((await gateway.fetch('/dev/x')).status === 200) admitted++;
            const elapsed = (clock.now() - start) / 1000;
            expect(admitted).toBeLessThanOrEqual(burstLimit + rateLimit * elapsed + 1e-9);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a cached response is never served for a different cache key', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('dog', 'cat', 'fish'),
            fc.constantFrom('1', '2'),
            fc.integer({ min: 0, max: 90_000 }),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        async (requests) => {
          const clock = createManualClock();
          const gateway = createGateway({
            clock,
            cache: {
              ttlInSeconds: 60,
              routes: { 'GET /pets': { cacheKeyParameters: ['method.request.querystring.type'] } },
            },
            routes: {
              'GET /pets': async (event: APIGatewayProxyEvent) => ({
                statusCode: 200,
                body: event.queryStringParameters?.type ?? '',
              }),
            },
          });
          for (const [type, page, gap] of requests) {
            clock.advance(gap);
            const body = await (await gateway.fetch(`/dev/pets?type=${type}&page=${page}`)).text();
            expect(body).toBe(type);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
