import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { assertProxyResult, validateProxyResult } from '../../src/response/index.js';

const RESULT = {
  statusCode: 200,
  headers: {
    Connection: 'close',
    'Content-Length': '2',
    Date: 'Tue, 07 Dec 2021 05:22:44 GMT',
    Server: 'express',
    'Transfer-Encoding': 'chunked',
    'X-Kept': 'yes',
  },
  multiValueHeaders: { server: ['a', 'b'] },
  body: 'ok',
};

describe('REST remaps reserved response headers for every integration, AWS_PROXY included (behaviour.md §3.1)', () => {
  it('Connection, Content-Length, Date and Server become x-amzn-Remapped-<Name> (integration spelling); Transfer-Encoding is dropped', () => {
    const report = validateProxyResult(RESULT, { apiType: 'REST' });
    expect(report.ok).toBe(true);
    expect(report.response.headers).toEqual([
      ['x-amzn-Remapped-server', 'a'],
      ['x-amzn-Remapped-server', 'b'],
      ['x-amzn-Remapped-server', 'express'], // merged name, spelled as in multiValueHeaders
      ['x-amzn-Remapped-Connection', 'close'],
      ['x-amzn-Remapped-Content-Length', '2'],
      ['x-amzn-Remapped-Date', 'Tue, 07 Dec 2021 05:22:44 GMT'],
      ['X-Kept', 'yes'],
      ['Content-Type', 'application/json'],
    ]);
    expect(assertProxyResult(RESULT).response.headers).toEqual(report.response.headers);
  });

  it('HTTP API (payload 1.0 and 2.0) leaves them as returned (behaviour.md is silent: UNCONFIRMED)', () => {
    const v1 = validateProxyResult(RESULT, { apiType: 'HTTP', payloadFormat: '1.0' });
    expect(v1.response.headers.map(([name]) => name)).toContain('Content-Length');
    const { multiValueHeaders: _, ...v2Result } = RESULT;
    const v2 = validateProxyResult(v2Result, { payloadFormat: '2.0' });
    expect(v2.response.headers.map(([name]) => name)).toContain('Transfer-Encoding');
  });

  it('the gateway sends the same remapped lines the report shows (Lambda proxy)', async () => {
    const gateway = createGateway({ routes: { 'GET /r': async () => RESULT } });
    const response = await gateway.fetch(gateway.url('/r'));
    expect(response.headers.get('x-amzn-Remapped-Content-Length')).toBe('2');
    expect(response.headers.get('x-amzn-Remapped-Server')).toBe('a, b, express');
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBeNull();
    expect(response.headers.get('date')).toBeNull();
    expect(await response.text()).toBe('ok');
  });

  it('MOCK integration responses mapping a reserved header also come back as x-amzn-Remapped-<Name>', async () => {
    const gateway = createGateway({
      routes: {
        'GET /m': {
          integration: {
            type: 'MOCK',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: { '200': { headers: { 'Content-Length': '9', Server: 'mock' }, body: '{}' } },
          },
        },
      },
    });
    const response = await gateway.fetch(gateway.url('/m'));
    expect(response.headers.get('x-amzn-Remapped-Content-Length')).toBe('9');
    expect(response.headers.get('x-amzn-Remapped-Server')).toBe('mock');
    expect(response.headers.get('server')).toBeNull();
  });
});
