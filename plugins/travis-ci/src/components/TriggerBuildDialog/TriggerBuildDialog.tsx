import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  TRAVIS_MERGE_MODES,
  TravisBranch,
  TravisMergeMode,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { FormEvent, useState } from 'react';
import { travisCiApiRef } from '../../api';
import { useEntityRef } from '../../hooks/useEntityRef';
import { useNotify } from '../../hooks/useNotify';
import { describeActionError } from '../../lib/travisCiError';
import {
  TriggerFormErrors,
  TriggerFormValues,
  validateTriggerForm,
} from './validateTriggerForm';

const TITLE_ID = 'travis-ci-trigger-title';

const MERGE_MODE_LABELS: Record<TravisMergeMode, string> = {
  deep_merge_append: 'Deep merge, append lists (deep_merge_append)',
  deep_merge_prepend: 'Deep merge, prepend lists (deep_merge_prepend)',
  deep_merge: 'Deep merge, replace lists (deep_merge)',
  merge: 'Replace top-level keys (merge)',
  replace: 'Replace .travis.yml entirely (replace)',
};

/** Props of {@link TriggerBuildDialog}. */
export interface TriggerBuildDialogProps {
  open: boolean;
  onClose(): void;
  /** Branches offered in the picker; other branch names can be typed. */
  branches: TravisBranch[];
  /** Called after Travis CI accepted the request. */
  onTriggered(): void;
}

/**
 * Asks Travis CI to build a branch, with an optional message and an optional
 * YAML config that combines with the repository's `.travis.yml`.
 */
export function TriggerBuildDialog(props: TriggerBuildDialogProps) {
  const { open, onClose, branches, onTriggered } = props;
  const api = useApi(travisCiApiRef);
  const notify = useNotify();
  const entityRef = useEntityRef();

  const defaultBranch =
    branches.find(branch => branch.defaultBranch)?.name ?? '';
  const [values, setValues] = useState<TriggerFormValues>({
    branch: defaultBranch,
    message: '',
    config: '',
    mergeMode: '',
  });
  const [errors, setErrors] = useState<TriggerFormErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [requestError, setRequestError] = useState<string>();

  const update = (changes: Partial<TriggerFormValues>) =>
    setValues(previous => ({ ...previous, ...changes }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setRequestError(undefined);

    const result = validateTriggerForm(values);
    if (!result.valid) {
      setErrors(result.errors);
      return;
    }
    setErrors({});

    setSubmitting(true);
    try {
      const response = await api.triggerBuild(entityRef, result.request);
      const remaining =
        response.remainingRequests === undefined
          ? ''
          : ` ${response.remainingRequests} API-triggered requests are left this hour.`;
      notify({
        message: `Travis CI accepted request ${response.requestId} to build ${response.branch}. The build appears once Travis CI has processed the request.${remaining}`,
        severity: 'success',
      });
      onTriggered();
      onClose();
    } catch (error) {
      setRequestError(describeActionError(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={TITLE_ID}
    >
      <form onSubmit={handleSubmit} noValidate>
        <DialogTitle id={TITLE_ID}>Trigger a Travis CI build</DialogTitle>
        <DialogContent>
          {requestError && (
            <Alert severity="error" role="alert">
              {requestError}
            </Alert>
          )}
          <Autocomplete
            freeSolo
            options={branches.map(branch => branch.name)}
            value={values.branch}
            onInputChange={(_event, branch) => update({ branch })}
            renderInput={params => (
              <TextField
                {...params}
                label="Branch"
                margin="normal"
                required
                error={Boolean(errors.branch)}
                helperText={
                  errors.branch ??
                  'A branch of the repository; Travis CI builds its latest commit.'
                }
              />
            )}
          />
          <TextField
            id="travis-ci-trigger-message"
            label="Message"
            value={values.message}
            onChange={event => update({ message: event.target.value })}
            margin="normal"
            fullWidth
            helperText="Shown as the build's message in Travis CI. Optional."
          />
          <TextField
            id="travis-ci-trigger-config"
            label="Config (YAML)"
            value={values.config}
            onChange={event => update({ config: event.target.value })}
            margin="normal"
            fullWidth
            multiline
            minRows={4}
            error={Boolean(errors.config)}
            helperText={
              errors.config ??
              'Build configuration to combine with .travis.yml, such as "script: make test". Optional.'
            }
            inputProps={{ spellCheck: false }}
          />
          <TextField
            id="travis-ci-trigger-merge-mode"
            select
            label="Merge mode"
            value={values.mergeMode}
            onChange={event =>
              update({ mergeMode: event.target.value as TravisMergeMode | '' })
            }
            margin="normal"
            fullWidth
            error={Boolean(errors.mergeMode)}
            helperText={
              errors.mergeMode ??
              'How the config combines with .travis.yml. Required with a config.'
            }
          >
            <MenuItem value="">
              <em>None</em>
            </MenuItem>
            {TRAVIS_MERGE_MODES.map(mode => (
              <MenuItem key={mode} value={mode}>
                {MERGE_MODE_LABELS[mode]}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={submitting}>
            Close
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting}
          >
            Trigger build
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
