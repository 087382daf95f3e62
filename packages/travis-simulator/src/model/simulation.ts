import { advanceBuilds } from './lifecycle';
import { processPendingRequests } from './requests';
import { SimulatorState } from './state';

/** Brings the whole installation up to simulated time `now`. */
export function advanceState(state: SimulatorState, now: number) {
  processPendingRequests(state, now);
  advanceBuilds(state, now);
}
