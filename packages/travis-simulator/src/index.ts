/**
 * A stateful Travis CI API v3 simulator for development, tests and
 * benchmarks: msw v2 handlers for in-process tests and an HTTP server
 * sharing one route layer.
 *
 * @packageDocumentation
 */

export { createTravisSimulator, DEFAULT_START_TIME } from './simulator';
export type { TravisSimulator, TravisSimulatorOptions, SimulatorFaults } from './simulator';
export { SIMULATOR_REPOSITORIES, SIMULATOR_TOKENS } from './model/fixtures';
export type { SimulatorClock } from './clock';
export type { FaultSettings } from './faults';
export type { SimOutcome, SimRequest, SimResponse } from './http';
export type { ListenOptions, RunningSimulatorServer } from './server';
