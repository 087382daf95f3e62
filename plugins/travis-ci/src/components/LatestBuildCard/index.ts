export { LatestBuildCard } from './LatestBuildCard';
export type { LatestBuildCardProps } from './LatestBuildCard';
