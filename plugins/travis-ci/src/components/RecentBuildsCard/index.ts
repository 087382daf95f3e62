export {
  DEFAULT_RECENT_BUILDS_LIMIT,
  RecentBuildsCard,
} from './RecentBuildsCard';
export type { RecentBuildsCardProps } from './RecentBuildsCard';
