import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  TRAVIS_CI_REPO_SLUG_ANNOTATION,
  getTravisCiRepoSlugAnnotation,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { describeTravisCiError } from '../../lib/describeTravisCiError';
import { classifyTravisCiError } from '../../lib/travisCiError';

/** Props of {@link TravisCiErrorPanel}. */
export interface TravisCiErrorPanelProps {
  error: unknown;
  /** Shows a retry button that calls this. */
  onRetry?: () => void;
  /** `page` for the Travis CI tab, `card` for the smaller overview cards. */
  variant?: 'page' | 'card';
}

/**
 * Shows why a request to the Travis CI backend failed, with a message of its
 * own for each cause the backend reports.
 */
export function TravisCiErrorPanel(props: TravisCiErrorPanelProps) {
  const { error, onRetry, variant = 'page' } = props;
  const { entity } = useEntity();
  const info = classifyTravisCiError(error);

  if (info.kind === 'annotation-missing' && variant === 'page') {
    return (
      <MissingAnnotationEmptyState
        annotation={TRAVIS_CI_REPO_SLUG_ANNOTATION}
      />
    );
  }

  const { title, description, showBackendMessage } = describeTravisCiError(
    info,
    getTravisCiRepoSlugAnnotation(entity),
  );
  const retryButton = onRetry ? (
    <Button color="inherit" size="small" onClick={onRetry}>
      Retry
    </Button>
  ) : undefined;

  return (
    <Alert
      severity={info.kind === 'rate-limited' ? 'warning' : 'error'}
      action={retryButton}
      role="alert"
    >
      <AlertTitle>{title}</AlertTitle>
      <Typography variant="body2">{description}</Typography>
      {showBackendMessage && info.message && (
        <Box mt={1}>
          <Typography variant="body2" component="p">
            Details: {info.message}
          </Typography>
        </Box>
      )}
    </Alert>
  );
}
