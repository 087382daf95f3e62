export { BuildStatus } from './BuildStatus';
