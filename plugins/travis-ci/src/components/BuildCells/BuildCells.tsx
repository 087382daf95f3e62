import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { TravisBuild } from '@travis-ci-backstage/plugin-travis-ci-common';
import {
  formatDuration,
  formatExactTime,
  formatRelativeTime,
} from '../../lib/time';

/** The branch, tag or pull request that a build ran for. */
export function BuildSource(props: { build: TravisBuild }) {
  const { build } = props;

  if (build.pullRequest) {
    const { number, title, url } = build.pullRequest;
    const label = `#${number} ${title}`;
    return (
      <Box>
        {url ? <Link to={url}>{label}</Link> : <span>{label}</span>}
        {build.branch && (
          <Typography variant="caption" display="block" color="textSecondary">
            into {build.branch}
          </Typography>
        )}
      </Box>
    );
  }
  if (build.tag) {
    return <span>tag {build.tag}</span>;
  }
  return <span>{build.branch ?? 'unknown branch'}</span>;
}

/** The short sha, linked to the commit, and the commit message's first line. */
export function BuildCommit(props: { build: TravisBuild }) {
  const { commit } = props.build;
  const [subject] = commit.message.split('\n');

  return (
    <Box>
      <Typography
        variant="body2"
        component="span"
        style={{ fontFamily: 'monospace' }}
      >
        {commit.url ? (
          <Link to={commit.url} title={commit.sha}>
            {commit.shortSha}
          </Link>
        ) : (
          <span title={commit.sha}>{commit.shortSha}</span>
        )}
      </Typography>
      <Typography variant="body2" title={commit.message}>
        {subject}
      </Typography>
    </Box>
  );
}

/** A time relative to now, with the exact time on hover. */
export function RelativeTime(props: { time?: string; fallback: string }) {
  const { time, fallback } = props;
  if (!time) {
    return <span>{fallback}</span>;
  }
  return (
    <Tooltip title={formatExactTime(time)}>
      <time dateTime={time}>{formatRelativeTime(time)}</time>
    </Tooltip>
  );
}

/** A build's duration, or a word for a build that has not finished. */
export function BuildDuration(props: { build: TravisBuild }) {
  const { build } = props;
  if (build.duration !== undefined) {
    return <span>{formatDuration(build.duration)}</span>;
  }
  if (build.state === 'started') {
    return <span>running</span>;
  }
  return <span>–</span>;
}
