import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  TravisBranch,
  TravisBuildState,
  TravisEventType,
} from '@travis-ci-backstage/plugin-travis-ci-common';

/** The filters of the build list; an absent field means "any". */
export interface BuildFilterValues {
  branch?: string;
  state?: TravisBuildState;
  eventType?: TravisEventType;
}

const BUILD_STATES: TravisBuildState[] = [
  'created',
  'received',
  'started',
  'passed',
  'failed',
  'errored',
  'canceled',
];

const EVENT_TYPE_LABELS: Record<TravisEventType, string> = {
  push: 'Push',
  pull_request: 'Pull request',
  api: 'API',
  cron: 'Cron',
};

const ANY = '';

/** Props of {@link BuildFilters}. */
export interface BuildFiltersProps {
  value: BuildFilterValues;
  onChange(value: BuildFilterValues): void;
  /** Branches offered in the branch filter; undefined while loading. */
  branches?: TravisBranch[];
}

/** Branch, state and event type filters for the build list. */
export function BuildFilters(props: BuildFiltersProps) {
  const { value, onChange, branches = [] } = props;

  // Keep a branch chosen earlier selectable even if the branch list no
  // longer contains it, so that the select never shows a blank value.
  const branchNames = branches.map(branch => branch.name);
  if (value.branch && !branchNames.includes(value.branch)) {
    branchNames.unshift(value.branch);
  }

  return (
    <Box display="flex" flexWrap="wrap" gridGap={16} mb={2}>
      <FilterSelect
        label="Branch"
        value={value.branch ?? ANY}
        onChange={branch => onChange({ ...value, branch: branch || undefined })}
        options={branchNames.map(name => ({ value: name, label: name }))}
      />
      <FilterSelect
        label="State"
        value={value.state ?? ANY}
        onChange={state =>
          onChange({
            ...value,
            state: (state || undefined) as TravisBuildState | undefined,
          })
        }
        options={BUILD_STATES.map(state => ({ value: state, label: state }))}
      />
      <FilterSelect
        label="Event type"
        value={value.eventType ?? ANY}
        onChange={eventType =>
          onChange({
            ...value,
            eventType: (eventType || undefined) as TravisEventType | undefined,
          })
        }
        options={Object.entries(EVENT_TYPE_LABELS).map(([type, label]) => ({
          value: type,
          label,
        }))}
      />
    </Box>
  );
}

function FilterSelect(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
}) {
  const { label, value, onChange, options } = props;
  return (
    <TextField
      id={`travis-ci-filter-${label
        .toLocaleLowerCase('en-US')
        .replace(/\s+/g, '-')}`}
      select
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      variant="outlined"
      size="small"
      style={{ minWidth: 180 }}
      SelectProps={{ displayEmpty: true }}
      InputLabelProps={{ shrink: true }}
    >
      <MenuItem value={ANY}>Any</MenuItem>
      {options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

export { EVENT_TYPE_LABELS };
