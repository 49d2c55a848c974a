// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';

export { compileTemplate, MAX_TEMPLATE_BYTES, renderTemplate } from './compile-template.js';
export { TemplateRuntimeError, TemplateSyntaxError } from './errors.js';
export { javaDoubleToString } from './java/print.js';
export {
  type MappingInputFromRequestOptions,
  mappingInputFromEvent,
  mappingInputFromRequest,
} from './mapping-input.js';
export { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './runtime/encoding.js';
export type {
  CompiledTemplate,
  MappingContext,
  MappingInput,
  MappingParams,
  RenderResult,
  RequestOverrides,
  ResponseOverrides,
  TemplateOverrides,
} from './types.js';
