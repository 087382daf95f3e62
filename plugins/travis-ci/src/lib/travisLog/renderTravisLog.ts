import { TravisLogView } from './TravisLogParser';

// Control Sequence Introducer sequences such as colours and "erase line".
// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\x1b\[[0-9;?]*[A-Za-z]/g;

const BOLD = '\x1b[1m';
const NOT_BOLD = '\x1b[22m';
const GREY = '\x1b[90m';
const DEFAULT_COLOR = '\x1b[39m';

/** Options of {@link renderTravisLog}. */
export interface RenderTravisLogOptions {
  /**
   * Whether a fold shows only its header. Folds that are still open always
   * show their lines.
   */
  isCollapsed(foldIndex: number): boolean;
}

/**
 * Formats a section or command duration the way Travis' web UI does:
 * seconds with two decimals under a minute, then minutes and seconds.
 */
export function formatLogDuration(seconds: number): string {
  if (seconds < 60) {
    return `${seconds.toFixed(2)}s`;
  }

  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}h ${String(minutes).padStart(2, '0')}m ${rest}s`
    : `${minutes}m ${rest}s`;
}

/**
 * Renders a parsed job log as text for Backstage's LogViewer: a bold header
 * line with the duration for each fold, the fold's lines unless it is
 * collapsed, and command durations in grey after timed commands.
 *
 * @remarks
 * The header marks a collapsed fold with ▸ and an expanded one with ▾, and
 * nested folds are indented by two spaces per level.
 */
export function renderTravisLog(
  log: TravisLogView,
  options: RenderTravisLogOptions,
): string {
  const { lines, folds, foldByHeaderIndex, commandDurations } = log;
  const output: string[] = [];
  let index = 0;

  while (index < lines.length) {
    const foldIndex = foldByHeaderIndex.get(index);

    if (foldIndex !== undefined) {
      const fold = folds[foldIndex];
      const collapsed =
        fold.endIndex !== undefined && options.isCollapsed(foldIndex);
      const duration =
        fold.durationSeconds === undefined
          ? ''
          : ` ${GREY}${formatLogDuration(
              fold.durationSeconds,
            )}${DEFAULT_COLOR}`;

      output.push(
        `${'  '.repeat(fold.depth)}${BOLD}${collapsed ? '▸' : '▾'} ${
          fold.name
        }${NOT_BOLD}${duration}`,
      );
      index = collapsed ? fold.endIndex! : index + 1;
      continue;
    }

    const duration = commandDurations.get(index);
    output.push(
      duration === undefined
        ? lines[index]
        : `${lines[index]} ${GREY}${formatLogDuration(
            duration,
          )}${DEFAULT_COLOR}`,
    );
    index += 1;
  }

  if (log.pendingLine !== '') {
    output.push(log.pendingLine);
  }
  return output.join('\n');
}

/**
 * Returns the log as plain text without ANSI escape sequences and with every
 * fold expanded, for copying to the clipboard.
 */
export function renderTravisLogPlainText(log: TravisLogView): string {
  return renderTravisLog(log, { isCollapsed: () => false }).replace(
    ANSI_SEQUENCE,
    '',
  );
}
