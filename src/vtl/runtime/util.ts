import { formatValue } from '../../errors/format-value.js';
import { TemplateRuntimeError } from '../errors.js';
import { JsonSyntaxError, parseJavaJson } from '../java/json.js';
import { javaToString } from '../java/print.js';
import { HostObject, type HostSpec, NO_METHOD } from '../java/values.js';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './encoding.js';

/** One-string-argument `$util` function: null in gives null out (prints nothing); other values use toString(). */
function unary(fn: (s: string) => unknown): (state: null, args: readonly unknown[]) => unknown {
  return (_state, args) => {
    if (args.length !== 1) return NO_METHOD;
    const [x] = args;
    return x === null || x === undefined ? null : fn(typeof x === 'string' ? x : javaToString(x));
  };
}

/** `$util.parseJson`: invalid JSON fails the request (AWS answers 500); see docs/vtl.md. */
export function parseJsonOrFail(text: string): unknown {
  try {
    return parseJavaJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new TemplateRuntimeError(
      'VTL_PARSE_JSON_FAILED',
      `$util.parseJson failed: ${formatValue(text.length > 60 ? `${text.slice(0, 60)}…` : text)} is not JSON (${error.message})`,
      'Pass a JSON document; API Gateway fails the request with 500 Internal server error when parseJson gets anything else.',
      { input: text },
    );
  }
}

const UTIL_SPEC: HostSpec<null> = {
  name: '$util',
  properties: new Map(),
  methods: new Map([
    ['escapeJavaScript', unary(escapeJavaScript)],
    ['parseJson', unary(parseJsonOrFail)],
    ['urlEncode', unary(urlEncode)],
    ['urlDecode', unary(urlDecode)],
    ['base64Encode', unary(base64Encode)],
    ['base64Decode', unary(base64Decode)],
  ]),
};

/** Creates the `$util` object. */
export function createUtil(): HostObject<null> {
  return new HostObject(UTIL_SPEC, null);
}
