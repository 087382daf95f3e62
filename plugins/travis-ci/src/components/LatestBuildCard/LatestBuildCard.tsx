import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  TRAVIS_ACTIVE_BUILD_STATES,
  TravisBuild,
  isTravisCiAvailable,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { AutoRefreshIntervals } from '../../hooks/useAutoRefresh';
import { useBranches } from '../../hooks/useBranches';
import { useBuildActions } from '../../hooks/useActionRunner';
import { useBuildDetailsLink } from '../../hooks/useBuildDetailsLink';
import { useBuilds } from '../../hooks/useBuilds';
import { useEntityActions } from '../../hooks/useEntityActions';
import { BuildActionButtons } from '../BuildActionButtons';
import { BuildDuration, BuildSource, RelativeTime } from '../BuildCells';
import { BuildStatus } from '../BuildStatus';
import { MissingAnnotationNotice } from '../MissingAnnotationNotice';
import { TravisCiErrorPanel } from '../TravisCiErrorPanel';

/**
 * Props of {@link LatestBuildCard}.
 *
 * @public
 */
export interface LatestBuildCardProps {
  /** The branch to show; the repository's default branch when absent. */
  branch?: string;
  /** How often the card refreshes while its build is active. */
  refreshIntervals?: AutoRefreshIntervals;
}

const TITLE = 'Latest Travis CI build';

/**
 * The newest build of one branch, by default the repository's default
 * branch, with a restart button for users who may restart it.
 */
export function LatestBuildCard(props: LatestBuildCardProps) {
  const { entity } = useEntity();

  if (!isTravisCiAvailable(entity)) {
    return (
      <InfoCard title={TITLE}>
        <MissingAnnotationNotice />
      </InfoCard>
    );
  }
  if (props.branch) {
    return <LatestBuildOfBranch {...props} branch={props.branch} />;
  }
  return <LatestBuildOfDefaultBranch {...props} />;
}

function LatestBuildOfDefaultBranch(props: LatestBuildCardProps) {
  const { branches, loading, error, retry } = useBranches();

  if (error) {
    return (
      <InfoCard title={TITLE}>
        <TravisCiErrorPanel error={error} onRetry={retry} variant="card" />
      </InfoCard>
    );
  }
  if (loading || !branches) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }

  const defaultBranch = branches.find(branch => branch.defaultBranch);
  if (!defaultBranch) {
    return (
      <InfoCard title={TITLE}>
        <Typography variant="body2">
          No builds yet. Travis CI reports no default branch for this repository
          until its first build.
        </Typography>
      </InfoCard>
    );
  }
  return <LatestBuildOfBranch {...props} branch={defaultBranch.name} />;
}

function LatestBuildOfBranch(props: LatestBuildCardProps & { branch: string }) {
  const { branch, refreshIntervals } = props;
  const { value, error, refresh } = useBuilds(
    { branch, limit: 1 },
    { refreshIntervals },
  );
  const actions = useEntityActions();
  const buildActions = useBuildActions(refresh);
  const build = value?.builds[0];

  let content;
  if (error) {
    content = (
      <TravisCiErrorPanel error={error} onRetry={refresh} variant="card" />
    );
  } else if (!value) {
    content = <Progress />;
  } else if (!build) {
    content = (
      <Typography variant="body2">
        No builds on {branch} yet. Push a commit with a .travis.yml file to
        start one.
      </Typography>
    );
  } else {
    content = (
      <LatestBuild
        build={build}
        actionButtons={
          <BuildActionButtons
            build={build}
            actions={actions}
            onRestart={buildActions.restart}
            onCancel={buildActions.cancel}
            pending={buildActions.pendingIds.has(build.id)}
          />
        }
      />
    );
  }

  return (
    <InfoCard title={TITLE} subheader={`Branch ${branch}`}>
      {content}
    </InfoCard>
  );
}

function LatestBuild(props: {
  build: TravisBuild;
  actionButtons: JSX.Element;
}) {
  const { build, actionButtons } = props;
  const active = TRAVIS_ACTIVE_BUILD_STATES.includes(build.state);
  const [subject] = build.commit.message.split('\n');
  const buildDetailsLink = useBuildDetailsLink();

  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      <Box display="flex" alignItems="center" gridGap={16}>
        <BuildStatus state={build.state} />
        <Link to={buildDetailsLink(build)}>Build #{build.number}</Link>
        <BuildSource build={build} />
      </Box>
      <Typography variant="body2">{subject}</Typography>
      <Typography variant="body2" color="textSecondary">
        {active ? 'Started ' : 'Finished '}
        <RelativeTime
          time={active ? build.startedAt : build.finishedAt}
          fallback={active ? 'not yet' : 'at an unknown time'}
        />
        {' · '}
        <BuildDuration build={build} />
      </Typography>
      <Box>{actionButtons}</Box>
    </Box>
  );
}
