import { Link, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import Alert from '@material-ui/lab/Alert';
import { TravisJob } from '@travis-ci-backstage/plugin-travis-ci-common';
import { useCallback, useEffect, useRef } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { AutoRefreshIntervals } from '../../hooks/useAutoRefresh';
import { useBuildDetails } from '../../hooks/useBuildDetails';
import { useEntityActions } from '../../hooks/useEntityActions';
import { useBuildActions, useJobActions } from '../../hooks/useActionRunner';
import { LogPollIntervals } from '../../hooks/useJobLog';
import { BuildStatus } from '../BuildStatus';
import { JobLog } from '../JobLog';
import { TravisCiErrorPanel } from '../TravisCiErrorPanel';
import { BuildHeader } from './BuildHeader';
import { JobsTable } from './JobsTable';
import { groupJobsByStage } from './groupJobsByStage';

/** The query parameter that names the job whose log is open. */
export const JOB_QUERY_PARAMETER = 'job';

/** Props of {@link BuildDetails}. */
export interface BuildDetailsProps {
  /** How often the build refreshes while it or one of its jobs is active. */
  refreshIntervals?: AutoRefreshIntervals;
  /** How often the open log of a running job is fetched again. */
  logPollIntervals?: LogPollIntervals;
}

/**
 * Shows one build of the entity's Travis CI tab, at `builds/:buildId` below
 * the tab: its facts, its stages in order with their jobs, and the log of the
 * job named by the `job` query parameter, so that a link can open a log.
 */
export function BuildDetails(props: BuildDetailsProps) {
  const { buildId } = useParams();

  if (!buildId || !/^\d{1,15}$/.test(buildId)) {
    return (
      <>
        <BackLink />
        <Alert severity="error">
          "{buildId}" is not a Travis CI build id. Build ids are numbers, such
          as the one in a build link from the build list.
        </Alert>
      </>
    );
  }
  return <BuildDetailsOfBuild {...props} buildId={Number(buildId)} />;
}

function BuildDetailsOfBuild(props: BuildDetailsProps & { buildId: number }) {
  const { buildId, refreshIntervals, logPollIntervals } = props;
  const details = useBuildDetails(buildId, { refreshIntervals });
  const actions = useEntityActions();
  const buildActions = useBuildActions(details.refresh);
  const jobActions = useJobActions(details.refresh);

  const [searchParams, setSearchParams] = useSearchParams();
  const selectedJobId =
    Number(searchParams.get(JOB_QUERY_PARAMETER)) || undefined;

  const selectJob = useCallback(
    (job: TravisJob) =>
      setSearchParams(
        params => {
          const next = new URLSearchParams(params);
          if (next.get(JOB_QUERY_PARAMETER) === String(job.id)) {
            next.delete(JOB_QUERY_PARAMETER);
          } else {
            next.set(JOB_QUERY_PARAMETER, String(job.id));
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  // Bring the log into view when a row opens it, or a link opened it.
  const logSection = useRef<HTMLElement>(null);
  const loaded = details.value !== undefined;
  useEffect(() => {
    if (loaded && selectedJobId !== undefined) {
      logSection.current?.scrollIntoView?.({
        behavior: 'smooth',
        block: 'start',
      });
    }
  }, [loaded, selectedJobId]);

  if (details.error) {
    return (
      <>
        <BackLink />
        <TravisCiErrorPanel error={details.error} onRetry={details.refresh} />
      </>
    );
  }
  if (!details.value) {
    return (
      <>
        <BackLink />
        <Progress />
      </>
    );
  }

  const build = details.value;
  const groups = groupJobsByStage(build);
  const selectedJob = build.jobs.find(job => job.id === selectedJobId);

  return (
    <>
      <BackLink />
      <BuildHeader
        build={build}
        actions={actions}
        buildActions={buildActions}
      />
      {groups.map(group => (
        <Box
          key={group.stage?.id ?? 'jobs'}
          component="section"
          mt={2}
          aria-label={group.stage ? `Stage ${group.stage.name}` : 'Jobs'}
        >
          <Box display="flex" alignItems="center" gridGap={12} mb={1}>
            <Typography variant="h6" component="h3">
              {group.stage
                ? `Stage ${group.stage.number}: ${group.stage.name}`
                : 'Jobs'}
            </Typography>
            {group.stage && <BuildStatus state={group.stage.state} />}
          </Box>
          {group.jobs.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              No jobs {group.stage ? 'in this stage' : 'in this build'}.
            </Typography>
          ) : (
            <Paper variant="outlined">
              <JobsTable
                jobs={group.jobs}
                actions={actions}
                jobActions={jobActions}
                selectedJobId={selectedJobId}
                onSelectJob={selectJob}
              />
            </Paper>
          )}
        </Box>
      ))}
      {selectedJobId !== undefined && (
        <section
          ref={logSection}
          aria-label="Job log"
          style={{ marginTop: 16 }}
        >
          {selectedJob ? (
            <JobLog
              key={selectedJob.id}
              job={selectedJob}
              pollIntervals={logPollIntervals}
            />
          ) : (
            <Alert severity="warning">
              Build #{build.number} has no job with id {selectedJobId}.
            </Alert>
          )}
        </section>
      )}
    </>
  );
}

function BackLink() {
  // The list is the parent route of this view inside the Travis CI tab.
  return (
    <Box mb={2}>
      <Link to="..">
        <Box
          component="span"
          display="inline-flex"
          alignItems="center"
          gridGap={4}
        >
          <ArrowBackIcon fontSize="small" />
          All builds
        </Box>
      </Link>
    </Box>
  );
}
