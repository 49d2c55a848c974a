import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertTemplate,
  assertTemplateRendersJson,
  checkTemplate,
  checkTemplateRendersJson,
  TemplateCheckError,
} from '../../src/fast-check/index.js';
import { TemplateSyntaxError } from '../../src/vtl/index.js';

const BUGGY = `{"name": "$input.path('$.name')"}`;
const FIXED = `{"name": $input.json('$.name')}`;
const ESCAPE_JS = `{"name": "$util.escapeJavaScript($input.path('$.name'))"}`;

function shrunkName(body: string | null): unknown {
  return body === null ? undefined : (JSON.parse(body) as { name?: unknown }).name;
}

describe('assertTemplateRendersJson finds the classic quoting bug', () => {
  it('"$input.path(\'$.name\')" fails: the shrunk name carries a quote, a backslash or a control character', () => {
    const report = checkTemplateRendersJson(BUGGY, { seed: 42 });
    expect(report.ok).toBe(false);
    const failure = report.failure!;
    const name = shrunkName(failure.input.body);
    expect(
      typeof name === 'string' &&
        name.length === 1 &&
        (name === '"' || name === '\\' || name.charCodeAt(0) < 0x20),
    ).toBe(true);
    expect(() => JSON.parse(failure.output!)).toThrow();
    expect(failure.reason).toMatch(/^the output is not valid JSON/);
    expect(failure.seed).toBe(42);
    expect(failure.path).toMatch(/^\d+(:\d+)*$/);
  });

  it('the thrown TemplateCheckError shows the shrunk input, the rendered output, the seed and the path', () => {
    let error: unknown;
    try {
      assertTemplateRendersJson(BUGGY, { seed: 42 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateCheckError);
    const e = error as TemplateCheckError;
    expect(e.code).toBe('TEMPLATE_CHECK_FAILED');
    const f = e.report.failure!;
    expect(e.message).toContain('Template renders JSON failed after');
    expect(e.message).toContain(`body: ${JSON.stringify(f.input.body)}`);
    expect(e.message).toContain(`  | ${f.output}`);
    expect(e.message).toContain(`Replay: { seed: 42, path: ${JSON.stringify(f.path)} }`);
    expect(e.message).toContain("$input.json('$.x')");
  });

  it('replaying with the reported seed and path reproduces the same counterexample at once', () => {
    const first = checkTemplateRendersJson(BUGGY, { seed: 7 });
    const replay = checkTemplateRendersJson(BUGGY, { seed: 7, path: first.failure!.path });
    expect(replay.failure!.input).toEqual(first.failure!.input);
    expect(replay.failure!.output).toBe(first.failure!.output);
    expect(replay.numRuns).toBe(1);
  });

  it("$util.escapeJavaScript is not enough: it turns ' into \\' which JSON rejects", () => {
    const report = checkTemplateRendersJson(ESCAPE_JS, { seed: 3, bodyShape: { name: 'string' } });
    expect(report.ok).toBe(false);
    expect(shrunkName(report.failure!.input.body)).toBe("'");
    expect(report.failure!.output).toBe(`{"name": "\\'"}`);
  });

  it('the documented workaround $util.escapeJavaScript(...).replaceAll("\\\\\'","\'") renders JSON', () => {
    const template = `{"name": "$util.escapeJavaScript($input.path('$.name')).replaceAll("\\\\'","'")"}`;
    expect(() =>
      assertTemplateRendersJson(template, { seed: 1, numRuns: 500, bodyShape: { name: 'string' } }),
    ).not.toThrow();
  });

  it("$input.json('$.name') quotes and escapes, so the fixed template always renders JSON", () => {
    expect(() =>
      assertTemplateRendersJson(FIXED, { seed: 1, numRuns: 500, bodyShape: { name: 'string' } }),
    ).not.toThrow();
  });

  it('default inputs also try a request without the field: $input.json of a missing path renders nothing, so the output is not JSON', () => {
    const report = checkTemplateRendersJson(FIXED, { seed: 1 });
    expect(report.ok).toBe(false);
    expect(shrunkName(report.failure!.input.body)).toBeUndefined();
    expect(report.failure!.output).toBe('{"name": }');
  });

  it('the same seed gives the same report', () => {
    expect(checkTemplateRendersJson(BUGGY, { seed: 5 })).toEqual(
      checkTemplateRendersJson(BUGGY, { seed: 5 }),
    );
  });
});

describe('checkTemplate and assertTemplate run any property over renders', () => {
  it('returns ok with the number of runs and the seed when the property holds', () => {
    const report = checkTemplate('$context.httpMethod', ({ output }) => /^[A-Z]+$/.test(output), {
      numRuns: 50,
      seed: 9,
    });
    expect(report).toEqual({ ok: true, template: '$context.httpMethod', numRuns: 50, seed: 9 });
  });

  it('a property returning false fails with that reason', () => {
    const report = checkTemplate("$input.params('id')", ({ output }) => !output.includes('$'), {
      seed: 2,
      numRuns: 300,
    });
    expect(report.ok).toBe(false);
    expect(report.failure!.reason).toBe('the property returned false');
    expect(report.failure!.output).toContain('$');
  });

  it('a property throwing (e.g. expect) fails with its message; assertTemplate throws TemplateCheckError', () => {
    const property = ({ output }: { output: string }) => {
      expect(output.length).toBeLessThan(3);
    };
    expect(() => assertTemplate('$input.body', property, { seed: 4 })).toThrow(TemplateCheckError);
    expect(checkTemplate('$input.body', property, { seed: 4 }).failure!.reason).toMatch(
      /expected \d+ to be less than 3/,
    );
  });

  it('the property sees the input it was rendered from', () => {
    assertTemplate('$input.body', ({ output }, input) => output === (input.body ?? '{}'), {
      numRuns: 200,
      seed: 6,
    });
  });

  it('an input arbitrary replaces the generated inputs', () => {
    const input = fc.constant({ body: '{"name":"Rex"}' });
    assertTemplate("$input.path('$.name')", ({ output }) => output === 'Rex', { input, numRuns: 5 });
  });

  it('a render that fails as AWS fails it (parseJson of invalid JSON) is a failed check without output', () => {
    const report = checkTemplate('$util.parseJson($input.body).a', () => true, {
      body: fc.constant('{oops'),
      seed: 1,
    });
    expect(report.ok).toBe(false);
    expect(report.failure!.output).toBeUndefined();
    expect(report.failure!.reason).toMatch(/^rendering failed: /);
  });
});

describe('template check misuse is refused at once', () => {
  it('a template that does not parse throws TemplateSyntaxError before any run', () => {
    expect(() => checkTemplateRendersJson('#if($a)never closed')).toThrow(TemplateSyntaxError);
  });

  it('an async property is refused with TEMPLATE_CHECK_ASYNC_PROPERTY', () => {
    expect(() => checkTemplate('x', (async () => true) as never, { numRuns: 1 })).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_CHECK_ASYNC_PROPERTY' }),
    );
  });

  it.each([
    ['numRuns 0', { numRuns: 0 }, 'FAST_CHECK_INVALID_OPTION'],
    ['a fractional seed', { seed: 1.5 }, 'FAST_CHECK_INVALID_OPTION'],
    ['a malformed path', { path: 'abc' }, 'FAST_CHECK_INVALID_OPTION'],
    [
      'input together with bodyShape',
      { input: fc.constant({ body: null }), bodyShape: 'json' },
      'FAST_CHECK_INVALID_OPTION',
    ],
    ['an unknown option', { numruns: 5 }, 'UNKNOWN_OPTION'],
    ['a template option (the template is the first argument)', { template: 'x' }, 'UNKNOWN_OPTION'],
  ])('%s is refused with %s', (_name, options, code) => {
    expect(() => checkTemplateRendersJson('{}', options as never)).toThrow(expect.objectContaining({ code }));
  });
});
