import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { TravisLogFold, formatLogDuration } from '../../lib/travisLog';

/**
 * The folds of a job log as toggle chips, so that a section collapses to
 * its header line or expands in the log viewer.
 */
export function LogSections(props: {
  folds: readonly TravisLogFold[];
  isCollapsed(foldIndex: number): boolean;
  onToggle(foldIndex: number): void;
  onSetAll(collapsed: boolean): void;
}) {
  const { folds, isCollapsed, onToggle, onSetAll } = props;
  if (folds.length === 0) {
    return null;
  }

  return (
    <Box mb={1}>
      <Box display="flex" alignItems="center" gridGap={8}>
        <Typography variant="caption" color="textSecondary">
          Sections
        </Typography>
        <Button size="small" onClick={() => onSetAll(false)}>
          Expand all
        </Button>
        <Button size="small" onClick={() => onSetAll(true)}>
          Collapse all
        </Button>
      </Box>
      <Box
        display="flex"
        flexWrap="wrap"
        gridGap={4}
        maxHeight={96}
        overflow="auto"
        role="group"
        aria-label="Log sections"
      >
        {folds.map((fold, index) => {
          const open = fold.endIndex === undefined;
          const collapsed = !open && isCollapsed(index);
          let label = `${collapsed ? 'Expand' : 'Collapse'} ${fold.name}`;
          if (open) {
            label = `${fold.name} is still being written`;
          }
          const duration =
            fold.durationSeconds === undefined
              ? ''
              : ` ${formatLogDuration(fold.durationSeconds)}`;

          return (
            <Chip
              key={fold.headerIndex}
              size="small"
              variant={collapsed ? 'outlined' : 'default'}
              label={`${collapsed ? '▸' : '▾'} ${fold.name}${duration}`}
              title={label}
              aria-label={label}
              aria-pressed={!collapsed}
              disabled={open}
              onClick={() => onToggle(index)}
            />
          );
        })}
      </Box>
    </Box>
  );
}
