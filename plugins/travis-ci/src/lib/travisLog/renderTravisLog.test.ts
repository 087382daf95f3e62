import { TravisLogParser } from './TravisLogParser';
import {
  formatLogDuration,
  renderTravisLog,
  renderTravisLogPlainText,
} from './renderTravisLog';

const CLEAR = '\r\x1b[0K';
const RESET = '\x1b[39m';

const LOG =
  `travis_fold:start:install${CLEAR}travis_time:start:01${CLEAR}$ npm ci\n` +
  'added 812 packages\n' +
  `travis_time:end:01:duration=12500000000${CLEAR}` +
  `travis_fold:end:install${CLEAR}\n` +
  `travis_time:start:02${CLEAR}$ npm test\n` +
  '\x1b[31mFAIL\x1b[0m src/refunds.test.ts\n' +
  `travis_time:end:02:duration=95000000000${CLEAR}\n`;

function parse(text: string, options: { complete?: boolean } = {}) {
  const parser = new TravisLogParser();
  parser.push(text);
  if (options.complete ?? true) {
    parser.end();
  }
  return parser;
}

describe('renderTravisLog', () => {
  it('renders an expanded fold with its header and lines', () => {
    const text = renderTravisLog(parse(LOG), { isCollapsed: () => false });

    expect(text.split('\n')).toEqual([
      '\x1b[1m▾ install\x1b[22m \x1b[90m12.50s\x1b[39m',
      '$ npm ci',
      'added 812 packages',
      '$ npm test \x1b[90m1m 35s\x1b[39m',
      `\x1b[31mFAIL${RESET} src/refunds.test.ts`,
    ]);
  });

  it('renders a collapsed fold as its header only', () => {
    const text = renderTravisLog(parse(LOG), { isCollapsed: () => true });

    expect(text.split('\n')).toEqual([
      '\x1b[1m▸ install\x1b[22m \x1b[90m12.50s\x1b[39m',
      '$ npm test \x1b[90m1m 35s\x1b[39m',
      `\x1b[31mFAIL${RESET} src/refunds.test.ts`,
    ]);
  });

  it('never collapses a fold that is still open', () => {
    const parser = parse(`travis_fold:start:install${CLEAR}$ npm ci\n`, {
      complete: false,
    });

    const text = renderTravisLog(parser, { isCollapsed: () => true });

    expect(text).toBe('\x1b[1m▾ install\x1b[22m\n$ npm ci');
  });

  it('indents nested fold headers', () => {
    const parser = parse(
      `travis_fold:start:outer${CLEAR}travis_fold:start:inner${CLEAR}x\n` +
        `travis_fold:end:inner${CLEAR}travis_fold:end:outer${CLEAR}`,
    );

    const text = renderTravisLog(parser, { isCollapsed: index => index === 1 });

    expect(text.split('\n')).toEqual([
      '\x1b[1m▾ outer\x1b[22m',
      '  \x1b[1m▸ inner\x1b[22m',
    ]);
  });

  it('appends the unfinished line of a running job', () => {
    const parser = parse('done\nInstalling', { complete: false });

    expect(renderTravisLog(parser, { isCollapsed: () => false })).toBe(
      'done\nInstalling',
    );
  });
});

describe('renderTravisLogPlainText', () => {
  it('expands every fold and removes ANSI sequences', () => {
    expect(renderTravisLogPlainText(parse(LOG)).split('\n')).toEqual([
      '▾ install 12.50s',
      '$ npm ci',
      'added 812 packages',
      '$ npm test 1m 35s',
      'FAIL src/refunds.test.ts',
    ]);
  });
});

describe('formatLogDuration', () => {
  it.each([
    [0.004, '0.00s'],
    [12.345, '12.35s'],
    [59.99, '59.99s'],
    [95, '1m 35s'],
    [3725, '1h 02m 05s'],
  ])('formats %p seconds as %p', (seconds, expected) => {
    expect(formatLogDuration(seconds)).toBe(expected);
  });
});
