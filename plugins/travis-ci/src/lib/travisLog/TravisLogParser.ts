import { matchTravisLogMarker, TravisLogMarker } from './markers';
import { AnsiColorNormalizer } from './normalizeAnsiColors';

/**
 * A `travis_fold` section of a job log, such as `install` or `git.checkout`.
 */
export interface TravisLogFold {
  name: string;
  /** Index in {@link TravisLogView.lines} of the line that stands for the fold's header. */
  headerIndex: number;
  /** Index one past the fold's last line; undefined while the fold is open. */
  endIndex?: number;
  /** The summed duration of the timed commands inside the fold, in seconds. */
  durationSeconds?: number;
  /** 0 for a top-level fold, 1 for a fold inside another, and so on. */
  depth: number;
}

/**
 * A read-only view of a parsed job log, cleaned of Travis' markers.
 *
 * @remarks
 * The arrays only grow while the parser receives more of the log, so a
 * caller may keep the view and re-render it after each chunk.
 */
export interface TravisLogView {
  /**
   * The log's lines without markers or carriage-return overwrites, with
   * colour sequences in the forms LogViewer understands. A fold's header
   * line is an empty placeholder; {@link TravisLogView.foldByHeaderIndex}
   * finds its fold.
   */
  readonly lines: readonly string[];
  readonly folds: readonly TravisLogFold[];
  /** Fold index by the line index of its header. */
  readonly foldByHeaderIndex: ReadonlyMap<number, number>;
  /**
   * Durations in seconds of timed commands outside any fold, by the line
   * index of the command; a fold's header shows the durations inside it.
   */
  readonly commandDurations: ReadonlyMap<number, number>;
  /**
   * The unfinished last line as it would show now, or an empty string. It
   * leaves out a marker that is still arriving.
   */
  readonly pendingLine: string;
}

const LINE_OR_RETURN = /\r\n|\r|\n/g;
// Travis writes `\r` and the "erase to end of line" sequence after each
// marker, so that a terminal hides the marker; the sequence then starts the
// next segment.
// eslint-disable-next-line no-control-regex
const LEADING_ERASE = /^(?:\x1b\[0?K)+/;
const MARKER_PREFIXES = ['travis_fold:', 'travis_time:'];

interface OpenTimer {
  lineIndex: number;
  /** Folds open when the timer started, which its duration counts towards. */
  foldIndices: number[];
}

/**
 * Parses a Travis CI job log as it arrives, chunk by chunk, into clean lines
 * with `travis_fold` sections and `travis_time` durations.
 *
 * @remarks
 * A chunk may end anywhere, also inside a marker or between `\r` and `\n`:
 * the parser keeps the undecided rest until the next chunk or {@link end}.
 * A bare `\r` overwrites the line as in a terminal (progress bars), so the
 * last non-empty segment of a line wins.
 */
export class TravisLogParser implements TravisLogView {
  private readonly lineList: string[] = [];
  private readonly foldList: TravisLogFold[] = [];
  private readonly foldHeaders = new Map<number, number>();
  private readonly durations = new Map<number, number>();
  private readonly openFolds: number[] = [];
  private readonly openTimers = new Map<string, OpenTimer>();
  private readonly colors = new AnsiColorNormalizer();
  private buffer = '';
  private currentLine = '';
  private currentLineHasMarker = false;

  get lines(): readonly string[] {
    return this.lineList;
  }

  get folds(): readonly TravisLogFold[] {
    return this.foldList;
  }

  get foldByHeaderIndex(): ReadonlyMap<number, number> {
    return this.foldHeaders;
  }

  get commandDurations(): ReadonlyMap<number, number> {
    return this.durations;
  }

  get pendingLine(): string {
    const segment = this.buffer.replace(/\r$/, '').replace(LEADING_ERASE, '');
    if (segment === '' || mayBeMarkerStart(segment)) {
      return this.colors.copy().normalize(this.currentLine);
    }
    return this.colors.copy().normalize(segment);
  }

  /** Adds the next chunk of the log. */
  push(chunk: string): void {
    const text = this.buffer + chunk;
    let start = 0;

    LINE_OR_RETURN.lastIndex = 0;
    for (;;) {
      const match = LINE_OR_RETURN.exec(text);
      if (!match) {
        break;
      }

      // A `\r` at the very end may be the first half of `\r\n`.
      if (match[0] === '\r' && match.index === text.length - 1) {
        break;
      }

      this.addSegment(text.slice(start, match.index), match[0] !== '\r');
      start = match.index + match[0].length;
    }

    this.buffer = text.slice(start);
  }

  /** Finishes the log: the unfinished last line becomes a line of its own. */
  end(): void {
    const rest = this.buffer.replace(/\r$/, '');
    this.buffer = '';
    if (rest !== '' || this.currentLine !== '' || this.currentLineHasMarker) {
      this.addSegment(rest, true);
    }
  }

  private addSegment(raw: string, endsLine: boolean): void {
    const segment = raw.replace(LEADING_ERASE, '');
    const marker = matchTravisLogMarker(segment);

    if (marker) {
      if (marker.before !== '') {
        this.currentLine = marker.before;
      }
      this.flushCurrentLine();
      this.currentLineHasMarker = true;
      this.applyMarker(marker);
    } else if (segment !== '') {
      this.currentLine = segment;
    }

    if (endsLine) {
      this.endLine();
    }
  }

  private endLine(): void {
    if (this.currentLine !== '' || !this.currentLineHasMarker) {
      this.lineList.push(this.colors.normalize(this.currentLine));
    }
    this.currentLine = '';
    this.currentLineHasMarker = false;
  }

  // Text before a marker on the same line stays a line of its own, so that
  // a fold header never swallows output.
  private flushCurrentLine(): void {
    if (this.currentLine !== '') {
      this.lineList.push(this.colors.normalize(this.currentLine));
      this.currentLine = '';
    }
  }

  private applyMarker(marker: TravisLogMarker): void {
    switch (marker.type) {
      case 'fold-start':
        this.startFold(marker.name);
        break;
      case 'fold-end':
        this.endFold(marker.name);
        break;
      case 'time-start':
        this.openTimers.set(marker.id, {
          lineIndex: this.lineList.length,
          foldIndices: [...this.openFolds],
        });
        break;
      case 'time-end':
        this.endTimer(marker.id, marker.durationSeconds);
        break;
      default:
        break;
    }
  }

  private startFold(name: string): void {
    const headerIndex = this.lineList.length;
    this.lineList.push('');
    this.foldHeaders.set(headerIndex, this.foldList.length);
    this.openFolds.push(this.foldList.length);
    this.foldList.push({ name, headerIndex, depth: this.openFolds.length - 1 });
  }

  // Closing a fold also closes folds opened inside it that never ended; an
  // end marker without a matching open fold changes nothing.
  private endFold(name: string): void {
    const position = this.openFolds.findLastIndex(
      index => this.foldList[index].name === name,
    );
    if (position === -1) {
      return;
    }

    for (const index of this.openFolds.splice(position)) {
      this.foldList[index].endIndex = this.lineList.length;
    }
  }

  private endTimer(id: string, durationSeconds: number | undefined): void {
    const timer = this.openTimers.get(id);
    this.openTimers.delete(id);
    if (!timer || durationSeconds === undefined) {
      return;
    }

    // The worker writes a newline before the end marker, which leaves a
    // blank line after output that already ended with one.
    const lastIndex = this.lineList.length - 1;
    if (
      lastIndex > timer.lineIndex &&
      this.lineList[lastIndex] === '' &&
      !this.foldHeaders.has(lastIndex)
    ) {
      this.lineList.pop();
    }

    if (timer.foldIndices.length === 0) {
      this.durations.set(timer.lineIndex, durationSeconds);
      return;
    }
    for (const index of timer.foldIndices) {
      const fold = this.foldList[index];
      fold.durationSeconds = (fold.durationSeconds ?? 0) + durationSeconds;
    }
  }
}

function mayBeMarkerStart(segment: string): boolean {
  return MARKER_PREFIXES.some(
    prefix => prefix.startsWith(segment) || segment.startsWith(prefix),
  );
}
