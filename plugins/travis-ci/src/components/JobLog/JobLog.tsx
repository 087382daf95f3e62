import { LogViewer, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { TravisJob } from '@travis-ci-backstage/plugin-travis-ci-common';
import { useCallback, useMemo, useState } from 'react';
import { isJobActive } from '../../hooks/useBuildDetails';
import { LogPollIntervals, useJobLog } from '../../hooks/useJobLog';
import { renderTravisLog, renderTravisLogPlainText } from '../../lib/travisLog';
import { describeActionError } from '../../lib/travisCiError';
import { TravisCiErrorPanel } from '../TravisCiErrorPanel';
import { LogSections } from './LogSections';
import { downloadText } from './downloadText';
import { useProgressiveText } from './useProgressiveText';

/** Props of {@link JobLog}. */
export interface JobLogProps {
  job: TravisJob;
  /** How often the log of a running job is fetched again. */
  pollIntervals?: LogPollIntervals;
  /** CSS height of the log viewer; LogViewer fills the space it gets. */
  height?: string | number;
}

/**
 * One job's log in Backstage's LogViewer, with Travis' folds as sections
 * that collapse to a header line with their duration, as Travis' web UI
 * shows them.
 *
 * @remarks
 * While the job runs the log tails: each request fetches only what was
 * added, and requests stop once the backend reports the log complete.
 * Finished folds start collapsed, and folds still being written stay
 * expanded.
 */
export function JobLog(props: JobLogProps) {
  const { job, pollIntervals, height = '70vh' } = props;
  const { log, version, status, error, retry, getRawText } = useJobLog(job.id, {
    pollIntervals,
    jobActive: isJobActive(job.state),
  });

  const [collapseByDefault, setCollapseByDefault] = useState(true);
  const [foldOverrides, setFoldOverrides] = useState<
    ReadonlyMap<number, boolean>
  >(new Map());

  const isCollapsed = useCallback(
    (foldIndex: number) => foldOverrides.get(foldIndex) ?? collapseByDefault,
    [foldOverrides, collapseByDefault],
  );

  const text = useMemo(
    () => renderTravisLog(log, { isCollapsed }),
    // `version` changes whenever the parser, which grows in place, changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [log, version, isCollapsed],
  );

  const shownText = useProgressiveText(text);

  const toggleFold = useCallback(
    (foldIndex: number) =>
      setFoldOverrides(overrides =>
        new Map(overrides).set(foldIndex, !isCollapsed(foldIndex)),
      ),
    [isCollapsed],
  );

  const setAllCollapsed = useCallback((collapsed: boolean) => {
    setCollapseByDefault(collapsed);
    setFoldOverrides(new Map());
  }, []);

  if (error && status === 'loading') {
    return <TravisCiErrorPanel error={error} onRetry={retry} />;
  }
  if (status === 'loading') {
    return <Progress aria-label={`Loading the log of job #${job.number}`} />;
  }
  if (log.lines.length === 0 && log.pendingLine === '') {
    return (
      <NoOutputYet
        jobNumber={job.number}
        complete={status === 'complete'}
        error={error}
        onRetry={retry}
      />
    );
  }

  return (
    <Box>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        gridGap={8}
        mb={1}
      >
        <Typography variant="subtitle2">Log of job #{job.number}</Typography>
        {status === 'running' && !error && (
          <Typography variant="caption" color="textSecondary" role="status">
            The job is running; new output appears here as it arrives.
          </Typography>
        )}
      </Box>
      {error && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={retry}>
              Retry
            </Button>
          }
        >
          The log stopped updating: {describeActionError(error)}
        </Alert>
      )}
      <LogSections
        folds={log.folds}
        isCollapsed={isCollapsed}
        onToggle={toggleFold}
        onSetAll={setAllCollapsed}
      />
      <Box height={height} minHeight={320}>
        <LogViewer
          text={shownText}
          onCopyLog={() =>
            window.navigator.clipboard.writeText(renderTravisLogPlainText(log))
          }
          onDownloadLog={() =>
            downloadText(`travis-job-${job.number}.log`, getRawText())
          }
        />
      </Box>
    </Box>
  );
}

function NoOutputYet(props: {
  jobNumber: string;
  complete: boolean;
  error?: Error;
  onRetry(): void;
}) {
  const { jobNumber, complete, error, onRetry } = props;

  if (complete) {
    return (
      <Alert severity="info">
        Job #{jobNumber} finished without writing a log.
      </Alert>
    );
  }
  return (
    <Alert
      severity={error ? 'warning' : 'info'}
      role="status"
      action={
        error ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        ) : undefined
      }
    >
      Job #{jobNumber} has not started writing its log yet.{' '}
      {error
        ? `Checking again failed: ${describeActionError(error)}`
        : 'The log appears here as soon as the job writes output.'}
    </Alert>
  );
}
