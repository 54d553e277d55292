// The queue engine: decide(state, command, ctx) → events, evolve(state, event) → state.
export { decide } from './decide.js';
export { evolve } from './evolve.js';
export { aheadOf, callOrder, categoryQueue, pickNext, placesInQueue, waitingIn, type Picked } from './ordering.js';
export { initialState } from './state.js';
export { serves, TIDAL_WEIGHT, windowCategories } from './tidal.js';
export type * from './types.js';
export { categoryAvailability, paceMinutes, queueLoad, servedMs, serviceMinutes, windowsServing, type QueueLoad, type Verdict } from './availability.js';
