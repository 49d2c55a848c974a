// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';

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
