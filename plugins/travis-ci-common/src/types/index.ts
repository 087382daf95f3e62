export * from './build';
export * from './job';
export * from './branch';
export * from './log';
export * from './actions';
export * from './errors';
