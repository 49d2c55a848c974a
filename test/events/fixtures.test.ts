import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTestkitError } from '../../src/errors/index.js';
import { listEventFixtures, loadEventFixture } from '../../src/events/index.js';
import { shapeProblems } from './helpers/event-shape.js';
import { FIXTURE_SCENARIOS } from './helpers/fixture-scenarios.js';

const UPDATE = process.env.UPDATE_EVENT_FIXTURES === '1';

describe('fixtures/events', () => {
  it.each(FIXTURE_SCENARIOS.map((s) => [`${s.kind}/${s.scenario}`, s] as const))(
    'the builder reproduces %s exactly',
    (_name, { kind, scenario, build }) => {
      const built = build();
      if (UPDATE) {
        const dir = new URL(`../../fixtures/events/${kind}/`, import.meta.url);
        mkdirSync(dir, { recursive: true });
        writeFileSync(new URL(`${scenario}.json`, dir), `${JSON.stringify(built, null, 2)}\n`);
      }
      expect(JSON.parse(JSON.stringify(built))).toEqual(loadEventFixture(kind, scenario));
    },
  );

  it.each(FIXTURE_SCENARIOS.map((s) => [`${s.kind}/${s.scenario}`, s] as const))(
    '%s has the shape AWS sends for its kind',
    (_name, { kind, scenario }) => {
      expect(shapeProblems(kind, loadEventFixture(kind, scenario))).toEqual([]);
    },
  );

  it.each([
    'proxy-v1',
    'proxy-v2',
    'websocket',
    'token-authorizer',
    'request-authorizer-v1',
    'request-authorizer-v2',
  ] as const)('%s has an invalid.json that breaks the shape of its kind', (kind) => {
    expect(listEventFixtures(kind)).toContain('invalid');
    expect(shapeProblems(kind, loadEventFixture(kind, 'invalid')).length).toBeGreaterThan(0);
  });

  it('fixtures are deep-frozen when loaded, so no test can change them for the next', () => {
    const event = loadEventFixture('proxy-v1', 'get-no-auth');
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen(event.requestContext.identity)).toBe(true);
    expect(Object.isFrozen(event.multiValueHeaders.Accept)).toBe(true);
    expect(() => {
      (event as { path: string }).path = '/changed';
    }).toThrow(TypeError);
  });

  it('an unknown kind or scenario is refused with a stable code', () => {
    const codeOf = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (error) {
        return isTestkitError(error) ? error.code : 'not a TestkitError';
      }
      return undefined;
    };
    expect(codeOf(() => loadEventFixture('proxy-v3' as 'proxy-v1', 'x'))).toBe('FIXTURE_UNKNOWN_KIND');
    expect(codeOf(() => loadEventFixture('proxy-v1', 'nope'))).toBe('FIXTURE_UNKNOWN_SCENARIO');
    expect(codeOf(() => loadEventFixture('proxy-v1', '../x'))).toBe('FIXTURE_UNKNOWN_SCENARIO');
  });
});
