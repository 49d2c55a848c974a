export {
  assertKnownOptions,
  DefinitionError,
  EventInputError,
  GatewayConfigError,
  InvalidInputError,
  TemplateError,
  unknownOptionError,
} from './families.js';
export { isTestkitError, TestkitError } from './testkit-error.js';
