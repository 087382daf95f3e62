import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';

/**
 * An icon button that opens a build or job in the Travis CI web UI in a new
 * tab; `label` is its accessible name and tooltip.
 */
export function OpenInTravisButton(props: { label: string; href: string }) {
  const { label, href } = props;

  return (
    <Tooltip title={label}>
      <IconButton
        size="small"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={label}
      >
        <OpenInNewIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
