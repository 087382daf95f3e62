import { InfoCard, Link } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  TravisBuild,
  TravisEntityActions,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { ReactNode } from 'react';
import { BuildActions } from '../../hooks/useActionRunner';
import { BuildActionButtons } from '../BuildActionButtons';
import {
  BuildCommit,
  BuildDuration,
  BuildSource,
  RelativeTime,
} from '../BuildCells';
import { EVENT_TYPE_LABELS } from '../BuildFilters';
import { BuildStatus } from '../BuildStatus';

/** The facts of one build, with its restart, cancel and Travis CI buttons. */
export function BuildHeader(props: {
  build: TravisBuild;
  actions: TravisEntityActions;
  buildActions: BuildActions;
}) {
  const { build, actions, buildActions } = props;

  return (
    <InfoCard
      title={`Build #${build.number}`}
      subheader={build.commit.message.split('\n')[0]}
      action={
        <BuildActionButtons
          build={build}
          actions={actions}
          onRestart={buildActions.restart}
          onCancel={buildActions.cancel}
          pending={buildActions.pendingIds.has(build.id)}
        />
      }
    >
      <Grid container spacing={2}>
        <Fact label="State">
          <BuildStatus state={build.state} />
        </Fact>
        <Fact label="Branch, tag or pull request">
          <BuildSource build={build} />
        </Fact>
        <Fact label="Commit">
          <BuildCommit build={build} />
        </Fact>
        <Fact label="Event">
          {EVENT_TYPE_LABELS[build.eventType] ?? build.eventType}
        </Fact>
        <Fact label="Triggered by">{build.createdBy ?? '–'}</Fact>
        <Fact label="Created">
          <RelativeTime time={build.createdAt} fallback="–" />
        </Fact>
        <Fact label="Started">
          <RelativeTime time={build.startedAt} fallback="not started" />
        </Fact>
        <Fact label="Finished">
          <RelativeTime time={build.finishedAt} fallback="not finished" />
        </Fact>
        <Fact label="Duration">
          <BuildDuration build={build} />
        </Fact>
        <Fact label="Travis CI">
          <Link to={build.webUrl}>Open build #{build.number} in Travis CI</Link>
        </Fact>
      </Grid>
    </InfoCard>
  );
}

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={12} sm={6} md={4} lg={3}>
      <Typography variant="overline" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}
