import { describe, expect, it } from 'vitest';
import {
  compileAccessLogFormat,
  createMetrics,
  isDocumentedContextVariable,
} from '../../src/gateway/observability/index.js';

const EMPTY_STATS = { sum: 0, avg: 0, min: 0, max: 0, samples: 0 };

describe('createMetrics (behaviour.md §12.1)', () => {
  it('aggregates Count, 4XXError, 5XXError, Latency, IntegrationLatency and cache counts by stage and route', () => {
    const metrics = createMetrics();
    metrics.record({
      stage: 'dev',
      routeKey: 'GET /pets',
      status: 200,
      latencyMs: 10,
      integrationLatencyMs: 8,
      cacheHit: false,
    });
    metrics.record({ stage: 'dev', routeKey: 'GET /pets', status: 200, latencyMs: 2, cacheHit: true });
    metrics.record({
      stage: 'dev',
      resource: '/pets',
      method: 'POST',
      status: 502,
      latencyMs: 30,
      integrationLatencyMs: 29,
    });
    metrics.record({ stage: 'dev', status: 403, latencyMs: 1 });
    metrics.record({ stage: 'prod', routeKey: 'GET /pets', status: 429, latencyMs: 1 });
    const snapshot = metrics.snapshot();
    expect(snapshot.stages.dev).toEqual({
      Count: 4,
      '4XXError': 1,
      '5XXError': 1,
      Latency: { sum: 43, avg: 10.75, min: 1, max: 30, samples: 4 },
      IntegrationLatency: { sum: 37, avg: 18.5, min: 8, max: 29, samples: 2 },
      CacheHitCount: 1,
      CacheMissCount: 1,
    });
    expect(snapshot.routes.dev?.['GET /pets']).toEqual({
      Count: 2,
      '4XXError': 0,
      '5XXError': 0,
      Latency: { sum: 12, avg: 6, min: 2, max: 10, samples: 2 },
      IntegrationLatency: { sum: 8, avg: 8, min: 8, max: 8, samples: 1 },
      CacheHitCount: 1,
      CacheMissCount: 1,
    });
    expect(snapshot.routes.dev?.['POST /pets']?.['5XXError']).toBe(1);
    expect(Object.keys(snapshot.routes.dev ?? {})).toEqual(['GET /pets', 'POST /pets']);
    expect(snapshot.routes.prod?.['GET /pets']).toMatchObject({
      Count: 1,
      '4XXError': 1,
      IntegrationLatency: EMPTY_STATS,
    });
    expect(snapshot.total.Count).toBe(5);
  });

  it('adds the HTTP API names 4xx, 5xx and DataProcessed for apiType HTTP', () => {
    const metrics = createMetrics({ apiType: 'HTTP' });
    metrics.record({ stage: '$default', routeKey: 'GET /x', status: 500, latencyMs: 3, bytes: 120 });
    expect(metrics.snapshot().stages.$default).toMatchObject({
      Count: 1,
      '5XXError': 1,
      '5xx': 1,
      '4xx': 0,
      DataProcessed: 120,
    });
  });

  it('reset() clears everything', () => {
    const metrics = createMetrics();
    metrics.record({ stage: 'dev', status: 200, latencyMs: 1 });
    metrics.reset();
    expect(metrics.snapshot()).toEqual({
      apiType: 'REST',
      total: {
        Count: 0,
        '4XXError': 0,
        '5XXError': 0,
        Latency: EMPTY_STATS,
        IntegrationLatency: EMPTY_STATS,
        CacheHitCount: 0,
        CacheMissCount: 0,
      },
      stages: {},
      routes: {},
    });
  });

  it('refuses an unknown apiType', () => {
    expect(() => createMetrics({ apiType: 'WS' as 'REST' })).toThrowError(
      expect.objectContaining({ code: 'METRICS_INVALID_API_TYPE' }),
    );
  });
});

describe('compileAccessLogFormat (behaviour.md §12.2)', () => {
  const CLF =
    '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId $context.extendedRequestId';

  it('renders the console CLF preset, absent values as -', () => {
    const log = compileAccessLogFormat(CLF, 'REST');
    expect(
      log.render({
        'identity.sourceIp': '203.0.113.7',
        'identity.caller': null,
        requestTime: '01/Jan/2024:00:00:00 +0000',
        httpMethod: 'GET',
        resourcePath: '/pets',
        protocol: 'HTTP/1.1',
        status: 200,
        responseLength: 12,
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
        extendedRequestId: 'TWegAcC4EowCHnA=',
      }),
    ).toBe(
      '203.0.113.7 - - [01/Jan/2024:00:00:00 +0000] "GET /pets HTTP/1.1" 200 12 c6af9ac6-7b61-11e6-9a41-93e8deadbeef TWegAcC4EowCHnA=',
    );
    expect(log.variables).toHaveLength(11);
    expect(log.unknownVariables).toEqual([]);
  });

  it('renders a JSON format verbatim, numbers and booleans as text', () => {
    const log = compileAccessLogFormat(
      '{"id":"$context.requestId","lat":$context.responseLatency,"canary":$context.isCanaryRequest}',
      'REST',
    );
    expect(log.render({ requestId: 'r1', responseLatency: 5, isCanaryRequest: false })).toBe(
      '{"id":"r1","lat":5,"canary":false}',
    );
  });

  it('ends a variable name at a trailing dot or other punctuation', () => {
    const log = compileAccessLogFormat('id=$context.requestId. s=$context.status;', 'HTTP');
    expect(log.render({ requestId: 'a', status: 404 })).toBe('id=a. s=404;');
  });

  it('keeps a $ not followed by a name as text and lists undocumented names', () => {
    const log = compileAccessLogFormat(
      '$ $5 $context.requestId $context.routeKey $context.authorizer.tenant',
      'REST',
    );
    expect(log.render({ requestId: 'x', 'authorizer.tenant': 't1' })).toBe('$ $5 x - t1');
    expect(log.unknownVariables).toEqual(['routeKey']);
    expect(isDocumentedContextVariable('routeKey', 'HTTP')).toBe(true);
  });

  it('REST accepts $context.extendedRequestId in place of $context.requestId; HTTP does not', () => {
    expect(compileAccessLogFormat('$context.extendedRequestId', 'REST').variables).toEqual([
      'extendedRequestId',
    ]);
    expect(() => compileAccessLogFormat('$context.extendedRequestId', 'HTTP')).toThrowError(
      expect.objectContaining({ code: 'ACCESS_LOG_FORMAT_MISSING_REQUEST_ID' }),
    );
  });

  it.each([
    ['', 'REST', 'ACCESS_LOG_FORMAT_EMPTY'],
    ['$context.requestId\n$context.status', 'REST', 'ACCESS_LOG_FORMAT_MULTILINE'],
    ['$context.status', 'REST', 'ACCESS_LOG_FORMAT_MISSING_REQUEST_ID'],
    ['$context.requestId $input.body', 'REST', 'ACCESS_LOG_FORMAT_NON_CONTEXT_VARIABLE'],
    ['$context.requestId $stageVariables.x', 'REST', 'ACCESS_LOG_FORMAT_NON_CONTEXT_VARIABLE'],
    ['$context.requestId $' + '{context.status}', 'REST', 'ACCESS_LOG_FORMAT_NON_CONTEXT_VARIABLE'],
    ['$context.requestId $context', 'REST', 'ACCESS_LOG_FORMAT_NON_CONTEXT_VARIABLE'],
    [`$context.requestId ${'x'.repeat(1010)}`, 'HTTP', 'ACCESS_LOG_FORMAT_TOO_LONG'],
    ['$context.requestId', 'SOAP', 'ACCESS_LOG_INVALID_API_TYPE'],
  ])('refuses %j (%s) with %s', (format, apiType, code) => {
    expect(() => compileAccessLogFormat(format, apiType as 'REST')).toThrowError(
      expect.objectContaining({ code }),
    );
  });
});
