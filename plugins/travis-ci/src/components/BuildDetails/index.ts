export { BuildDetails, JOB_QUERY_PARAMETER } from './BuildDetails';
export type { BuildDetailsProps } from './BuildDetails';
