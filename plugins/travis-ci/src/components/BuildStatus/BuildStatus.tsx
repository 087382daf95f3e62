import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { TravisBuildState } from '@travis-ci-backstage/plugin-travis-ci-common';

/**
 * Shows a Travis CI build state with Backstage's status icons, labelled
 * with Travis' own name for the state.
 *
 * @remarks
 * `errored` (the build configuration or install failed) gets the warning
 * icon so that it stays distinct from `failed` (a test failed), and
 * `created` and `received` both show as pending because neither has a job
 * running yet.
 */
export function BuildStatus(props: { state: TravisBuildState }) {
  const { state } = props;

  switch (state) {
    case 'passed':
      return <StatusOK>passed</StatusOK>;
    case 'failed':
      return <StatusError>failed</StatusError>;
    case 'errored':
      return <StatusWarning>errored</StatusWarning>;
    case 'canceled':
      return <StatusAborted>canceled</StatusAborted>;
    case 'started':
      return <StatusRunning>started</StatusRunning>;
    case 'created':
      return <StatusPending>created</StatusPending>;
    case 'received':
      return <StatusPending>received</StatusPending>;
    default:
      // A state added by Travis CI after this plugin was written.
      return <StatusWarning>{String(state)}</StatusWarning>;
  }
}
