// Select Graphic Rendition sequences, such as `\x1b[0m` or `\x1b[33;1m`.
// eslint-disable-next-line no-control-regex
const SGR_SEQUENCE = /\x1b\[([0-9;]*)m/g;

// Backstage's LogViewer (core-components 0.18) recognizes each code only as
// a sequence of its own and has no code 0, so a reset turns off each
// attribute that LogViewer supports.
const RESET = '\x1b[22m\x1b[23m\x1b[24m\x1b[39m\x1b[49m';

function rewriteCode(code: string): string {
  const value = Number(code || '0');
  if (value === 0) {
    return RESET;
  }

  // Bright colours become the normal ones, which LogViewer does colour; 90
  // (bright black) is its grey and stays.
  if (value >= 91 && value <= 97) {
    return `\x1b[${value - 60}m`;
  }
  if (value >= 100 && value <= 107) {
    return `\x1b[${value - 60}m`;
  }
  return `\x1b[${value}m`;
}

/**
 * Rewrites the colour sequences of one log line into the forms Backstage's
 * LogViewer understands. Travis logs combine codes, as in `\x1b[31;1m` for
 * bold red, and end colours with `\x1b[0m`, which LogViewer would ignore,
 * so colours would run on into later lines.
 */
export function normalizeAnsiColors(line: string): string {
  if (!line.includes('\x1b[')) {
    return line;
  }
  return line.replace(SGR_SEQUENCE, (_sequence, codes: string) =>
    codes.split(';').map(rewriteCode).join(''),
  );
}
