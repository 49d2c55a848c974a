// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';

export type { BodyShape, BodyShapeLeaf } from './body-shape.js';
export {
  type JsonBodyOptions,
  type JsonValue,
  type JsonValueOptions,
  jsonBody,
  jsonValue,
} from './json-value.js';
export { type MappingInputOptions, mappingInput } from './mapping-input.js';
export { NASTY_FRAGMENTS, type NastyStringOptions, nastyString } from './nasty-string.js';
export { INVALID_OPTION_CODE } from './options.js';
export {
  type ProxyEventV1ArbitraryOptions,
  proxyEventV1,
  proxyEventV1Options,
} from './proxy-event-v1.js';
export {
  type ProxyEventV2ArbitraryOptions,
  proxyEventV2,
  proxyEventV2Options,
} from './proxy-event-v2.js';
export type {
  ExpectedClassification,
  LabelledProxyResult,
  ResultValidity,
} from './proxy-result-parts.js';
export { type ProxyResultV1Options, proxyResultV1 } from './proxy-result-v1.js';
export { type ProxyResultV2Options, proxyResultV2 } from './proxy-result-v2.js';
export {
  assertTemplate,
  checkTemplate,
  type TemplateCheckOptions,
  type TemplateProperty,
} from './template-check.js';
export { TemplateCheckError } from './template-check-error.js';
export type { TemplateCheckFailure, TemplateCheckReport } from './template-check-report.js';
export { assertTemplateRendersJson, checkTemplateRendersJson } from './template-renders-json.js';
