// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';

export { type MswHandlersOptions, toMswHandlers } from './to-msw-handlers.js';
