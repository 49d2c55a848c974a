// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';

export { type Clock, sleep, systemClock, type TimerHandle } from './clock.js';
export { createManualClock, type ManualClock, type ManualClockOptions } from './manual-clock.js';
