import { StatusPending } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import CancelIcon from '@material-ui/icons/Cancel';
import ReplayIcon from '@material-ui/icons/Replay';
import {
  TRAVIS_FINISHED_BUILD_STATES,
  TravisEntityActions,
  TravisJob,
  TravisJobState,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { isJobActive } from '../../hooks/useBuildDetails';
import { JobActions } from '../../hooks/useActionRunner';
import { formatDuration } from '../../lib/time';
import { ActionButton } from '../BuildActionButtons';
import { BuildStatus } from '../BuildStatus';
import { OpenInTravisButton } from '../OpenInTravisButton';

/** Props of {@link JobsTable}. */
export interface JobsTableProps {
  jobs: TravisJob[];
  actions: TravisEntityActions;
  jobActions: JobActions;
  selectedJobId?: number;
  /** Opens a job's log, or closes it when it is the selected job. */
  onSelectJob(job: TravisJob): void;
}

/** The jobs of one stage with their configuration, state and actions. */
export function JobsTable(props: JobsTableProps) {
  const { jobs, actions, jobActions, selectedJobId, onSelectJob } = props;

  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Job</TableCell>
          <TableCell>State</TableCell>
          <TableCell>OS</TableCell>
          <TableCell>Dist</TableCell>
          <TableCell>Language</TableCell>
          <TableCell>Env</TableCell>
          <TableCell>Duration</TableCell>
          <TableCell>Actions</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {jobs.map(job => (
          <JobRow
            key={job.id}
            job={job}
            actions={actions}
            jobActions={jobActions}
            selected={job.id === selectedJobId}
            onSelect={() => onSelectJob(job)}
          />
        ))}
      </TableBody>
    </Table>
  );
}

function JobRow(props: {
  job: TravisJob;
  actions: TravisEntityActions;
  jobActions: JobActions;
  selected: boolean;
  onSelect(): void;
}) {
  const { job, actions, jobActions, selected, onSelect } = props;
  const pending = jobActions.pendingIds.has(job.id);
  const finished = (TRAVIS_FINISHED_BUILD_STATES as readonly string[]).includes(
    job.state,
  );

  return (
    <TableRow selected={selected} data-testid={`job-${job.number}`}>
      <TableCell>
        <div>#{job.number}</div>
        {job.name && <div>{job.name}</div>}
      </TableCell>
      <TableCell>
        <JobStatus state={job.state} />
        {job.allowFailure && (
          <Chip size="small" label="allowed to fail" variant="outlined" />
        )}
      </TableCell>
      <TableCell>{job.os ?? '–'}</TableCell>
      <TableCell>{job.dist ?? '–'}</TableCell>
      <TableCell>{job.language ?? '–'}</TableCell>
      <TableCell>
        <code style={{ wordBreak: 'break-all' }}>{job.env ?? '–'}</code>
      </TableCell>
      <TableCell>
        <JobDuration job={job} />
      </TableCell>
      <TableCell style={{ whiteSpace: 'nowrap' }}>
        <Button
          size="small"
          variant={selected ? 'contained' : 'outlined'}
          color="primary"
          aria-label={`${selected ? 'Hide log' : 'Log'} of job #${job.number}`}
          onClick={onSelect}
        >
          {selected ? 'Hide log' : 'Log'}
        </Button>
        {actions.restart.allowed && (
          <ActionButton
            label={`Restart job #${job.number}`}
            disabledReason={
              finished
                ? undefined
                : `Only finished jobs can be restarted; job #${job.number} is ${job.state}.`
            }
            pending={pending}
            onClick={() => jobActions.restart(job)}
            icon={<ReplayIcon fontSize="small" />}
          />
        )}
        {actions.cancel.allowed && (
          <ActionButton
            label={`Cancel job #${job.number}`}
            disabledReason={
              isJobActive(job.state)
                ? undefined
                : `Only created, queued, received or started jobs can be canceled; job #${job.number} is ${job.state}.`
            }
            pending={pending}
            onClick={() => jobActions.cancel(job)}
            icon={<CancelIcon fontSize="small" />}
          />
        )}
        <OpenInTravisButton
          label={`Open job #${job.number} in Travis CI`}
          href={job.webUrl}
        />
      </TableCell>
    </TableRow>
  );
}

function JobDuration(props: { job: TravisJob }) {
  const { job } = props;
  if (job.duration !== undefined) {
    return <span>{formatDuration(job.duration)}</span>;
  }
  if (job.state === 'started') {
    return <span>running</span>;
  }
  return <span>–</span>;
}

// Jobs have a `queued` state that builds do not have.
function JobStatus(props: { state: TravisJobState }) {
  if (props.state === 'queued') {
    return <StatusPending>queued</StatusPending>;
  }
  return <BuildStatus state={props.state} />;
}
