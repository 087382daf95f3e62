/**
 * A Travis CI log marker: the worker writes these around sections and timed
 * commands, and Travis' web UI turns them into folds and durations.
 */
export type TravisLogMarker = { before: string } & (
  | { type: 'fold-start'; name: string }
  | { type: 'fold-end'; name: string }
  | { type: 'time-start'; id: string }
  | {
      type: 'time-end';
      id: string;
      /** Undefined when the marker carries neither a duration nor start and finish. */
      durationSeconds?: number;
    }
);

// A marker runs to the end of its segment, which `\r` or `\n` ends. Fold
// names are free text without white space, such as `git.checkout`; timer
// ids are hexadecimal.
const MARKER =
  /travis_(fold):(start|end):(\S+)$|travis_(time):(start):(\w+)$|travis_(time):(end):(\w+):(\S*)$/;

const NANOSECONDS_PER_SECOND = 1e9;

/**
 * Recognizes a marker at the end of one log segment (a piece of a line
 * without `\r` or `\n`), returning the text before it too. Returns
 * undefined for ordinary output.
 */
export function matchTravisLogMarker(
  segment: string,
): TravisLogMarker | undefined {
  if (!segment.includes('travis_')) {
    return undefined;
  }

  const match = MARKER.exec(segment);
  if (!match) {
    return undefined;
  }

  const before = segment.slice(0, match.index);
  if (match[1]) {
    return match[2] === 'start'
      ? { before, type: 'fold-start', name: match[3] }
      : { before, type: 'fold-end', name: match[3] };
  }
  if (match[4]) {
    return { before, type: 'time-start', id: match[6] };
  }
  return {
    before,
    type: 'time-end',
    id: match[9],
    durationSeconds: parseTimerDuration(match[10]),
  };
}

// The parameters look like
// `start=1700000000000000000,finish=1700000012345678901,duration=12345678901,event=install`,
// all in nanoseconds since the epoch. Number loses the last digits of such
// values, which does not matter at the precision the UI shows.
function parseTimerDuration(parameters: string): number | undefined {
  const values = new Map<string, number>();
  for (const pair of parameters.split(',')) {
    const [key, value] = pair.split('=');
    const number = Number(value);
    if (key && value && Number.isFinite(number)) {
      values.set(key, number);
    }
  }

  const duration = values.get('duration');
  if (duration !== undefined) {
    return duration / NANOSECONDS_PER_SECOND;
  }

  const start = values.get('start');
  const finish = values.get('finish');
  if (start !== undefined && finish !== undefined && finish >= start) {
    return (finish - start) / NANOSECONDS_PER_SECOND;
  }
  return undefined;
}
