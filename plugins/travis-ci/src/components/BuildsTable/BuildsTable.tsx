import {
  EmptyState,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TablePagination from '@material-ui/core/TablePagination';
import Typography from '@material-ui/core/Typography';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  TravisBuild,
  TravisEntityActions,
  getTravisCiRepoSlugAnnotation,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AutoRefreshIntervals } from '../../hooks/useAutoRefresh';
import { useBranches } from '../../hooks/useBranches';
import { BuildActions, useBuildActions } from '../../hooks/useActionRunner';
import { useBuildDetailsLink } from '../../hooks/useBuildDetailsLink';
import { useBuilds } from '../../hooks/useBuilds';
import { useEntityActions } from '../../hooks/useEntityActions';
import { BuildActionButtons } from '../BuildActionButtons';
import {
  BuildCommit,
  BuildDuration,
  BuildSource,
  RelativeTime,
} from '../BuildCells';
import {
  BuildFilterValues,
  BuildFilters,
  EVENT_TYPE_LABELS,
} from '../BuildFilters';
import { BuildStatus } from '../BuildStatus';
import { TravisCiErrorPanel } from '../TravisCiErrorPanel';
import { TriggerBuildDialog } from '../TriggerBuildDialog';

/** Page sizes offered under the table; the backend accepts 1 to 100. */
export const PAGE_SIZE_OPTIONS = [10, 25, 50, 100];

/** Props of {@link BuildsTable}. */
export interface BuildsTableProps {
  /** Builds per page at first; the user can pick another size. */
  initialPageSize?: number;
  /** How often the list refreshes while a shown build is active. */
  refreshIntervals?: AutoRefreshIntervals;
}

/**
 * The current entity's Travis CI builds: filters, a page of builds with
 * their actions, paging over the backend's total, and a trigger dialog.
 */
export function BuildsTable(props: BuildsTableProps) {
  const { initialPageSize = 25, refreshIntervals } = props;
  const { entity } = useEntity();
  const repositorySlug = getTravisCiRepoSlugAnnotation(entity);

  const [filters, setFilters] = useState<BuildFilterValues>({});
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [triggerOpen, setTriggerOpen] = useState(false);

  const builds = useBuilds(
    { ...filters, limit: pageSize, offset: page * pageSize },
    { refreshIntervals },
  );
  const { branches } = useBranches();
  const actions = useEntityActions();
  const { refresh } = builds;
  const buildActions = useBuildActions(refresh);

  // After builds disappear (a narrower filter elsewhere, or deleted history),
  // the current page may lie beyond the end; move to the last page instead.
  const totalCount = builds.value?.totalCount;
  useEffect(() => {
    if (totalCount !== undefined && totalCount > 0) {
      const lastPage = Math.ceil(totalCount / pageSize) - 1;
      if (page > lastPage) {
        setPage(lastPage);
      }
    }
  }, [totalCount, page, pageSize]);

  const changeFilters = useCallback((next: BuildFilterValues) => {
    setFilters(next);
    setPage(0);
  }, []);

  const columns = useBuildColumns(actions, buildActions);

  if (builds.error) {
    return <TravisCiErrorPanel error={builds.error} onRetry={refresh} />;
  }
  if (!builds.value) {
    return <Progress />;
  }

  const filtered = Boolean(
    filters.branch || filters.state || filters.eventType,
  );
  const neverBuilt = builds.value.totalCount === 0 && !filtered;

  const toolbar = (
    <Box display="flex" alignItems="center" gridGap={8} mb={1}>
      <Box flexGrow={1}>
        <Typography variant="h5">Travis CI builds</Typography>
        {repositorySlug && (
          <Typography variant="body2" color="textSecondary">
            {repositorySlug}
          </Typography>
        )}
      </Box>
      {builds.waitingForTriggeredBuild ? (
        <Typography variant="caption" color="textSecondary">
          Refreshes automatically until the triggered build appears
        </Typography>
      ) : (
        builds.hasActiveBuilds && (
          <Typography variant="caption" color="textSecondary">
            Refreshes automatically while builds are queued or running
          </Typography>
        )
      )}
      <Button
        startIcon={<RefreshIcon />}
        onClick={refresh}
        disabled={builds.loading}
      >
        Refresh
      </Button>
      {actions.trigger.allowed && (
        <Button
          startIcon={<PlayArrowIcon />}
          color="primary"
          variant="contained"
          onClick={() => setTriggerOpen(true)}
        >
          Trigger build
        </Button>
      )}
    </Box>
  );

  const dialog = triggerOpen && (
    <TriggerBuildDialog
      open
      onClose={() => setTriggerOpen(false)}
      branches={branches ?? []}
      onTriggered={builds.waitForTriggeredBuild}
    />
  );

  if (neverBuilt) {
    return (
      <>
        {toolbar}
        <NeverBuiltState
          repositorySlug={repositorySlug}
          canTrigger={actions.trigger.allowed}
          onTrigger={() => setTriggerOpen(true)}
        />
        {dialog}
      </>
    );
  }

  return (
    <>
      {toolbar}
      <BuildFilters
        value={filters}
        onChange={changeFilters}
        branches={branches}
      />
      <Table<TravisBuild>
        columns={columns}
        data={builds.value.builds.map(build => ({ ...build }))}
        isLoading={builds.loading}
        options={{
          paging: false,
          search: false,
          sorting: false,
          toolbar: false,
          padding: 'dense',
        }}
        emptyContent={
          <Box p={2}>
            <Typography>No builds match these filters.</Typography>
            <Button onClick={() => changeFilters({})}>Clear filters</Button>
          </Box>
        }
      />
      <TablePagination
        component="div"
        count={builds.value.totalCount}
        page={page}
        rowsPerPage={pageSize}
        rowsPerPageOptions={PAGE_SIZE_OPTIONS}
        onPageChange={(_event, next) => setPage(next)}
        onRowsPerPageChange={event => {
          setPageSize(Number(event.target.value));
          setPage(0);
        }}
      />
      {dialog}
    </>
  );
}

function useBuildColumns(
  actions: TravisEntityActions,
  buildActions: BuildActions,
): TableColumn<TravisBuild>[] {
  const { restart, cancel, pendingIds } = buildActions;
  const buildDetailsLink = useBuildDetailsLink();

  return useMemo(
    () => [
      {
        title: 'Build',
        field: 'number',
        width: '80px',
        render: build => (
          <Link to={buildDetailsLink(build)}>#{build.number}</Link>
        ),
      },
      {
        title: 'State',
        field: 'state',
        // The status icon and Travis' state name stay on one line.
        cellStyle: { whiteSpace: 'nowrap' },
        render: build => <BuildStatus state={build.state} />,
      },
      {
        title: 'Branch, tag or pull request',
        render: build => <BuildSource build={build} />,
      },
      {
        title: 'Commit',
        render: build => <BuildCommit build={build} />,
      },
      {
        title: 'Event',
        field: 'eventType',
        render: build => EVENT_TYPE_LABELS[build.eventType] ?? build.eventType,
      },
      {
        title: 'Triggered by',
        field: 'createdBy',
        render: build => build.createdBy ?? '–',
      },
      {
        title: 'Started',
        render: build => (
          <RelativeTime time={build.startedAt} fallback="not started" />
        ),
      },
      {
        title: 'Duration',
        render: build => <BuildDuration build={build} />,
      },
      {
        title: 'Actions',
        sorting: false,
        render: build => (
          <BuildActionButtons
            build={build}
            actions={actions}
            onRestart={restart}
            onCancel={cancel}
            pending={pendingIds.has(build.id)}
          />
        ),
      },
    ],
    [actions, restart, cancel, pendingIds, buildDetailsLink],
  );
}

function NeverBuiltState(props: {
  repositorySlug?: string;
  canTrigger: boolean;
  onTrigger(): void;
}) {
  const { repositorySlug, canTrigger, onTrigger } = props;
  const repository = repositorySlug ?? 'this repository';

  return (
    <EmptyState
      missing="data"
      title="No builds yet"
      description={`Travis CI has not built ${repository} yet. A build starts when a commit with a .travis.yml file is pushed to a branch of a repository activated on Travis CI${
        canTrigger ? ', or when you trigger one here' : ''
      }.`}
      action={
        canTrigger ? (
          <Button color="primary" variant="contained" onClick={onTrigger}>
            Trigger the first build
          </Button>
        ) : undefined
      }
    />
  );
}
