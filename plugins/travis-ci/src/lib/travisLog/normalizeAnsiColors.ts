// Select Graphic Rendition (SGR) sequences, such as `\x1b[0m` or
// `\x1b[33;1m`, set colours and styles.

// The text attributes that Backstage's LogViewer shows, as bits of a
// state number, with the codes that turn each of them off.
const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 4;
const FOREGROUND = 8;
const BACKGROUND = 16;
const RESETS: Array<[number, string]> = [
  [BOLD, '\x1b[22m'],
  [ITALIC, '\x1b[23m'],
  [UNDERLINE, '\x1b[24m'],
  [FOREGROUND, '\x1b[39m'],
  [BACKGROUND, '\x1b[49m'],
];

interface Rewrite {
  output: string;
  state: number;
}

// Logs repeat a handful of sequences, so rewrites are computed once per
// sequence and state. The bound keeps a log with many distinct 24-bit
// colours from growing the cache without limit.
const MAX_CACHED_REWRITES = 1000;
const rewriteCache = new Map<string, Rewrite>();

function rewriteCode(value: number, state: number): Rewrite {
  if (value === 0) {
    let output = '';
    for (const [bit, reset] of RESETS) {
      output += state & bit ? reset : '';
    }
    return { output, state: 0 };
  }

  const code = value >= 91 && value <= 97 ? value - 60 : value;
  if (code === 1 || code === 22) {
    return {
      output: `\x1b[${code}m`,
      state: code === 1 ? state | BOLD : state & ~BOLD,
    };
  }
  if (code === 3 || code === 23) {
    return {
      output: `\x1b[${code}m`,
      state: code === 3 ? state | ITALIC : state & ~ITALIC,
    };
  }
  if (code === 4 || code === 24) {
    return {
      output: `\x1b[${code}m`,
      state: code === 4 ? state | UNDERLINE : state & ~UNDERLINE,
    };
  }
  if ((code >= 30 && code <= 37) || code === 90 || code === 39) {
    return {
      output: `\x1b[${code}m`,
      state: code === 39 ? state & ~FOREGROUND : state | FOREGROUND,
    };
  }
  if ((code >= 40 && code <= 49) || (code >= 100 && code <= 107)) {
    const normal = code >= 100 ? code - 60 : code;
    return {
      output: `\x1b[${normal}m`,
      state: normal === 49 ? state & ~BACKGROUND : state | BACKGROUND,
    };
  }
  return { output: '', state };
}

function rewriteCodes(codes: string, state: number): Rewrite {
  const values = codes === '' ? [0] : codes.split(';').map(Number);
  let output = '';
  let current = state;

  for (let index = 0; index < values.length; index++) {
    const value = values[index];

    // 38 and 48 take 5;n or 2;r;g;b, colours LogViewer does not show.
    if (value === 38 || value === 48) {
      index += values[index + 1] === 2 ? 4 : 2;
      continue;
    }
    const rewrite = rewriteCode(value, current);
    output += rewrite.output;
    current = rewrite.state;
  }
  return { output, state: current };
}

/**
 * Rewrites the colour sequences of log lines, one line after the other,
 * into the forms Backstage's LogViewer (core-components 0.18) recognizes.
 *
 * @remarks
 * Travis logs combine codes, as in `\x1b[31;1m` for bold red, and end
 * colours with `\x1b[0m`. LogViewer recognizes each code only as a
 * sequence of its own and has no code 0, so without this the red of a
 * failed test runs on into every later line. A reset becomes the codes
 * that turn off what is on at that point, which the normalizer tracks
 * across lines as LogViewer does. Codes that LogViewer cannot show, such
 * as 256-colour codes, are dropped, and bright colours become normal ones.
 */
export class AnsiColorNormalizer {
  private state: number;

  constructor(state: number = 0) {
    this.state = state;
  }

  /** Returns a normalizer that continues from this one's state. */
  copy(): AnsiColorNormalizer {
    return new AnsiColorNormalizer(this.state);
  }

  /** Rewrites one line and carries its colour state to the next line. */
  normalize(line: string): string {
    let start = line.indexOf('\x1b[');
    if (start === -1) {
      return line;
    }

    // A scan with indexOf instead of a replace() callback, because logs of
    // many megabytes have a colour sequence on most lines.
    let output = '';
    let copied = 0;
    while (start !== -1) {
      const end = findSgrEnd(line, start + 2);
      if (end !== -1) {
        output +=
          line.slice(copied, start) + this.rewrite(line.slice(start + 2, end));
        copied = end + 1;
      }
      start = line.indexOf('\x1b[', end === -1 ? start + 2 : end + 1);
    }
    return output + line.slice(copied);
  }

  private rewrite(codes: string): string {
    const key = `${this.state}|${codes}`;
    let rewrite = rewriteCache.get(key);
    if (!rewrite) {
      rewrite = rewriteCodes(codes, this.state);
      if (rewriteCache.size >= MAX_CACHED_REWRITES) {
        rewriteCache.clear();
      }
      rewriteCache.set(key, rewrite);
    }
    this.state = rewrite.state;
    return rewrite.output;
  }
}

// Returns the index of the "m" that ends a sequence of digits and ";"
// starting at `from`, or -1 when another character ends it first.
function findSgrEnd(line: string, from: number): number {
  for (let index = from; index < line.length; index++) {
    const char = line.charCodeAt(index);
    if (char === 0x6d /* m */) {
      return index;
    }
    const isDigit = char >= 0x30 && char <= 0x39;
    if (!isDigit && char !== 0x3b /* ; */) {
      return -1;
    }
  }
  return -1;
}

/**
 * Rewrites the colour sequences of a single line that starts with no
 * colour on, as {@link AnsiColorNormalizer} does.
 */
export function normalizeAnsiColors(line: string): string {
  return new AnsiColorNormalizer().normalize(line);
}
