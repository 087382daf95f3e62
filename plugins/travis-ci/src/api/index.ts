export { travisCiApiRef } from './TravisCiApi';
export type { TravisCiApi } from './TravisCiApi';
export { TravisCiClient } from './TravisCiClient';
export { RequestTimeoutError } from './RequestTimeoutError';
