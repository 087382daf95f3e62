import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import {
  TravisBuild,
  isTravisCiAvailable,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { AutoRefreshIntervals } from '../../hooks/useAutoRefresh';
import { useBuildDetailsLink } from '../../hooks/useBuildDetailsLink';
import { useBuilds } from '../../hooks/useBuilds';
import { BuildSource, RelativeTime } from '../BuildCells';
import { BuildStatus } from '../BuildStatus';
import { MissingAnnotationNotice } from '../MissingAnnotationNotice';
import { TravisCiErrorPanel } from '../TravisCiErrorPanel';

/** The number of builds the card shows unless configured otherwise. */
export const DEFAULT_RECENT_BUILDS_LIMIT = 5;

/**
 * Props of {@link RecentBuildsCard}.
 *
 * @public
 */
export interface RecentBuildsCardProps {
  /** How many builds to show, from 1 to 100. */
  limit?: number;
  /** Shows only this branch's builds; all branches when absent. */
  branch?: string;
  /** How often the card refreshes while a shown build is active. */
  refreshIntervals?: AutoRefreshIntervals;
}

const TITLE = 'Recent Travis CI builds';

/** A compact list of the entity's newest builds. */
export function RecentBuildsCard(props: RecentBuildsCardProps) {
  const { entity } = useEntity();
  const subheader = props.branch ? `Branch ${props.branch}` : 'All branches';

  return (
    <InfoCard title={TITLE} subheader={subheader} noPadding>
      {isTravisCiAvailable(entity) ? (
        <RecentBuildsList {...props} />
      ) : (
        <Box p={2}>
          <MissingAnnotationNotice />
        </Box>
      )}
    </InfoCard>
  );
}

function RecentBuildsList(props: RecentBuildsCardProps) {
  const {
    limit = DEFAULT_RECENT_BUILDS_LIMIT,
    branch,
    refreshIntervals,
  } = props;
  const { value, error, refresh } = useBuilds(
    { branch, limit },
    { refreshIntervals },
  );
  const buildDetailsLink = useBuildDetailsLink();

  if (error) {
    return (
      <Box p={2}>
        <TravisCiErrorPanel error={error} onRetry={refresh} variant="card" />
      </Box>
    );
  }
  if (!value) {
    return <Progress />;
  }
  if (value.builds.length === 0) {
    return (
      <Box p={2}>
        <Typography variant="body2">
          {branch
            ? `No builds on ${branch} yet.`
            : 'No builds yet. Push a commit with a .travis.yml file to start one.'}
        </Typography>
      </Box>
    );
  }

  return (
    <List dense>
      {value.builds.map(build => (
        <ListItem key={build.id} divider>
          <Box display="flex" alignItems="center" gridGap={12} width="100%">
            <BuildStatus state={build.state} />
            <Link to={buildDetailsLink(build)}>#{build.number}</Link>
            <Box flexGrow={1} minWidth={0}>
              <BuildSource build={build} />
              <Typography variant="body2" color="textSecondary" noWrap>
                {build.commit.message.split('\n')[0]}
              </Typography>
            </Box>
            <Typography variant="caption" color="textSecondary">
              <BuildTime build={build} />
            </Typography>
          </Box>
        </ListItem>
      ))}
    </List>
  );
}

/** The latest of a build's finish, start and creation, named as such. */
function BuildTime(props: { build: TravisBuild }) {
  const { build } = props;

  let event = 'created';
  let time = build.createdAt;
  if (build.finishedAt) {
    event = 'finished';
    time = build.finishedAt;
  } else if (build.startedAt) {
    event = 'started';
    time = build.startedAt;
  }
  if (!time) {
    return null;
  }

  return (
    <>
      {event} <RelativeTime time={time} fallback="" />
    </>
  );
}
