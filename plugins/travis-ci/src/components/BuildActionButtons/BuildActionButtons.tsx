import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import CancelIcon from '@material-ui/icons/Cancel';
import ReplayIcon from '@material-ui/icons/Replay';
import {
  TRAVIS_ACTIVE_BUILD_STATES,
  TRAVIS_FINISHED_BUILD_STATES,
  TravisBuild,
  TravisEntityActions,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { ReactElement, useId } from 'react';
import { OpenInTravisButton } from '../OpenInTravisButton';

/** Props of {@link BuildActionButtons}. */
export interface BuildActionButtonsProps {
  build: TravisBuild;
  /** What the backend allows the signed-in user to do. */
  actions: TravisEntityActions;
  onRestart(build: TravisBuild): void;
  onCancel(build: TravisBuild): void;
  /** True while a request for this build is in flight. */
  pending?: boolean;
}

/**
 * The restart, cancel and "open in Travis CI" buttons of one build.
 *
 * @remarks
 * Restart and cancel appear only when the backend allows them. They are
 * disabled, with a tooltip and a description saying why, while the build's
 * state does not allow them: Travis CI restarts only finished builds and cancels only
 * created, received or started ones.
 */
export function BuildActionButtons(props: BuildActionButtonsProps) {
  const { build, actions, onRestart, onCancel, pending = false } = props;
  const finished = TRAVIS_FINISHED_BUILD_STATES.includes(build.state);
  const active = TRAVIS_ACTIVE_BUILD_STATES.includes(build.state);

  return (
    <>
      {actions.restart.allowed && (
        <ActionButton
          label={`Restart build #${build.number}`}
          disabledReason={
            finished
              ? undefined
              : `Only finished builds can be restarted; build #${build.number} is ${build.state}.`
          }
          pending={pending}
          onClick={() => onRestart(build)}
          icon={<ReplayIcon fontSize="small" />}
        />
      )}
      {actions.cancel.allowed && (
        <ActionButton
          label={`Cancel build #${build.number}`}
          disabledReason={
            active
              ? undefined
              : `Only created, received or started builds can be canceled; build #${build.number} is ${build.state}.`
          }
          pending={pending}
          onClick={() => onCancel(build)}
          icon={<CancelIcon fontSize="small" />}
        />
      )}
      <OpenInTravisButton
        label={`Open build #${build.number} in Travis CI`}
        href={build.webUrl}
      />
    </>
  );
}

const useStyles = makeStyles(theme => ({
  blocked: {
    color: theme.palette.action.disabled,
    cursor: 'default',
  },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

/**
 * An icon button for a restart or cancel action, with its label as tooltip,
 * or the reason it is disabled.
 *
 * @remarks
 * A button that the build state blocks keeps its focus and carries
 * `aria-disabled` with the reason as its description, so that keyboard and
 * screen reader users learn why, as mouse users do from the tooltip. A
 * button with a request in flight is disabled outright for that moment.
 */
export function ActionButton(props: {
  label: string;
  disabledReason?: string;
  pending: boolean;
  onClick(): void;
  icon: ReactElement;
}) {
  const { label, disabledReason, pending, onClick, icon } = props;
  const classes = useStyles();
  const reasonId = useId();

  if (disabledReason !== undefined) {
    return (
      <>
        <Tooltip title={disabledReason}>
          <IconButton
            size="small"
            aria-label={label}
            aria-disabled="true"
            aria-describedby={reasonId}
            className={classes.blocked}
            disableRipple
          >
            {icon}
          </IconButton>
        </Tooltip>
        <span id={reasonId} className={classes.visuallyHidden}>
          {disabledReason}
        </span>
      </>
    );
  }

  // A disabled button fires no mouse events, so the tooltip sits on a span.
  return (
    <Tooltip title={label}>
      <span>
        <IconButton
          size="small"
          aria-label={label}
          disabled={pending}
          onClick={onClick}
        >
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  );
}
