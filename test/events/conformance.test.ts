// Event-shape cases recorded on real AWS (copied from the shared conformance sample). The gateway tests
// cover the HTTP side of the same cases; here the builder alone must produce the recorded event.
import { describe, expect, it } from 'vitest';
import { buildProxyEventV1 } from '../../src/events/index.js';
import cases from '../fixtures/conformance/event-shape-cases.json' with { type: 'json' };

interface ConformanceCase {
  id: string;
  scenario: string;
  request: { method: string; path: string; headers: Record<string, string>; query: Record<string, string> };
  expected_event_subset?: Record<string, unknown>;
  expected_event_headers_present?: string[];
  expected_event_headers_absent?: string[];
}

// The resource each recorded request was routed to (from the case's scenario text); the stage is 'stage'.
const RESOURCE: Record<string, string> = {
  'rest-event-double-slash': '/{proxy+}',
  'rest-event-non-proxy-resource-null-path-parameters': '/hardcoded',
  'rest-reserved-request-headers-stripped': '/no-param',
};

describe('REST proxy events recorded on AWS', () => {
  it.each((cases as ConformanceCase[]).map((c) => [c.id, c] as const))('%s', (id, c) => {
    const event = buildProxyEventV1({
      method: c.request.method,
      path: c.request.path,
      resource: RESOURCE[id]!,
      headers: c.request.headers,
      query: c.request.query,
      stage: 'stage',
    });
    if (c.expected_event_subset) expect(event).toMatchObject(c.expected_event_subset);
    for (const name of c.expected_event_headers_present ?? []) {
      expect(event.headers).toHaveProperty([name]);
      expect(event.multiValueHeaders).toHaveProperty([name]);
    }
    for (const name of c.expected_event_headers_absent ?? []) {
      const lower = name.toLowerCase();
      expect(Object.keys(event.headers).map((k) => k.toLowerCase())).not.toContain(lower);
      expect(Object.keys(event.multiValueHeaders).map((k) => k.toLowerCase())).not.toContain(lower);
    }
  });

  it('an empty query ({}) gives null query maps, as in every recorded event without a query string', () => {
    const event = buildProxyEventV1({ path: '/x', query: {} });
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
  });
});
