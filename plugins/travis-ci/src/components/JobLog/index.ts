export { JobLog } from './JobLog';
export type { JobLogProps } from './JobLog';
