export { type Clock, sleep, systemClock, type TimerHandle } from './clock.js';
export { createManualClock, type ManualClock, type ManualClockOptions } from './manual-clock.js';
