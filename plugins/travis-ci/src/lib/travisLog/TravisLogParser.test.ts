import { TravisLogParser } from './TravisLogParser';
import { renderTravisLog } from './renderTravisLog';

const CLEAR = '\r\x1b[0K';

// A log the way a Travis worker writes one: a folded and timed install, a
// timed test command outside any fold, and the closing line.
const WORKER_LOG =
  `travis_fold:start:worker_info${CLEAR}\x1b[33;1mWorker information\x1b[0m\n` +
  'hostname: worker-1\n' +
  `travis_fold:end:worker_info${CLEAR}` +
  `travis_fold:start:install${CLEAR}travis_time:start:0a1b2c3d${CLEAR}$ npm ci\n` +
  'added 812 packages\n' +
  `\ntravis_time:end:0a1b2c3d:start=1700000000000000000,finish=1700000012500000000,duration=12500000000,event=install${CLEAR}` +
  `travis_fold:end:install${CLEAR}\n` +
  `travis_time:start:99aa${CLEAR}$ npm test\n` +
  'FAIL src/refunds.test.ts\n' +
  `\ntravis_time:end:99aa:start=1700000013000000000,finish=1700000016000000000,duration=3000000000,event=script${CLEAR}\n` +
  'The command "npm test" exited with 1.\n';

function parse(...chunks: string[]): TravisLogParser {
  const parser = new TravisLogParser();
  for (const chunk of chunks) {
    parser.push(chunk);
  }
  parser.end();
  return parser;
}

function renderExpanded(parser: TravisLogParser): string {
  return renderTravisLog(parser, { isCollapsed: () => false });
}

describe('TravisLogParser', () => {
  it('removes markers and keeps the output lines', () => {
    const parser = parse(WORKER_LOG);

    expect(parser.lines).toEqual([
      '',
      // Colours in the forms LogViewer understands.
      '\x1b[33m\x1b[1mWorker information\x1b[22m\x1b[39m',
      'hostname: worker-1',
      '',
      '$ npm ci',
      'added 812 packages',
      '$ npm test',
      'FAIL src/refunds.test.ts',
      'The command "npm test" exited with 1.',
    ]);
    const text = renderExpanded(parser);
    expect(text).not.toContain('travis_');
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\x1b[0K');
  });

  it('records folds with header, end and duration', () => {
    const parser = parse(WORKER_LOG);

    expect(parser.folds).toEqual([
      { name: 'worker_info', headerIndex: 0, endIndex: 3, depth: 0 },
      {
        name: 'install',
        headerIndex: 3,
        endIndex: 6,
        depth: 0,
        durationSeconds: 12.5,
      },
    ]);
    expect(parser.foldByHeaderIndex.get(3)).toBe(1);
  });

  it('records durations of timed commands outside folds', () => {
    const parser = parse(WORKER_LOG);

    expect([...parser.commandDurations]).toEqual([[6, 3]]);
  });

  it('gives the same result for every chunk boundary', () => {
    const expected = renderExpanded(parse(WORKER_LOG));

    for (let split = 1; split < WORKER_LOG.length; split++) {
      const parser = parse(WORKER_LOG.slice(0, split), WORKER_LOG.slice(split));
      expect({ split, text: renderExpanded(parser) }).toEqual({
        split,
        text: expected,
      });
    }
  });

  it('gives the same result for one character at a time', () => {
    const expected = parse(WORKER_LOG);
    const parser = parse(...WORKER_LOG.split(''));

    expect(parser.lines).toEqual(expected.lines);
    expect(parser.folds).toEqual(expected.folds);
    expect([...parser.commandDurations]).toEqual([
      ...expected.commandDurations,
    ]);
  });

  it('keeps the last segment of a line overwritten with \\r', () => {
    const parser = parse(
      'Downloading 10%\rDownloading 55%\rDownloading 100%\n',
    );

    expect(parser.lines).toEqual(['Downloading 100%']);
  });

  it('treats \\r\\n as a line break', () => {
    const parser = parse('first\r\nsecond\r\n');

    expect(parser.lines).toEqual(['first', 'second']);
  });

  it('keeps blank lines of the output', () => {
    const parser = parse('one\n\ntwo\n');

    expect(parser.lines).toEqual(['one', '', 'two']);
  });

  it('keeps a line whose overwrite is only an erase sequence', () => {
    const parser = parse('Done\r\x1b[0K\n');

    expect(parser.lines).toEqual(['Done']);
  });

  it('splits output before a marker on the same line', () => {
    const parser = parse(
      `partial output travis_fold:start:cache${CLEAR}inside\n`,
    );

    expect(parser.lines).toEqual(['partial output ', '', 'inside']);
    expect(parser.folds[0]).toMatchObject({ name: 'cache', headerIndex: 1 });
  });

  it('nests folds and closes inner folds with the outer one', () => {
    const parser = parse(
      `travis_fold:start:outer${CLEAR}a\n` +
        `travis_fold:start:inner${CLEAR}b\n` +
        `travis_fold:end:outer${CLEAR}c\n`,
    );

    expect(parser.folds).toEqual([
      { name: 'outer', headerIndex: 0, endIndex: 4, depth: 0 },
      { name: 'inner', headerIndex: 2, endIndex: 4, depth: 1 },
    ]);
    expect(parser.lines[4]).toBe('c');
  });

  it('ignores a fold end without a matching start', () => {
    const parser = parse(`travis_fold:end:nothing${CLEAR}text\n`);

    expect(parser.folds).toEqual([]);
    expect(parser.lines).toEqual(['text']);
  });

  it('leaves a fold open when the log ends inside it', () => {
    const parser = parse(
      `travis_fold:start:install${CLEAR}$ npm ci\nnpm ERR! 404\n`,
    );

    expect(parser.folds[0].endIndex).toBeUndefined();
  });

  it('takes the duration from start and finish without duration', () => {
    const parser = parse(
      `travis_time:start:ab${CLEAR}$ make\n` +
        `travis_time:end:ab:start=1000000000,finish=3500000000${CLEAR}\n`,
    );

    expect(parser.commandDurations.get(0)).toBe(2.5);
  });

  it('ignores a timer end without a start', () => {
    const parser = parse(
      `travis_time:end:ff:start=1,finish=2,duration=1${CLEAR}after\n`,
    );

    expect(parser.commandDurations.size).toBe(0);
    expect(parser.lines).toEqual(['after']);
  });

  it('keeps ordinary text that mentions travis_', () => {
    const parser = parse('export travis_fold=1\nsee travis_time:start: docs\n');

    expect(parser.lines).toEqual([
      'export travis_fold=1',
      'see travis_time:start: docs',
    ]);
  });
});

describe('TravisLogParser.pendingLine', () => {
  it('shows an unfinished line while the log grows', () => {
    const parser = new TravisLogParser();
    parser.push('Installing dependencies');

    expect(parser.lines).toEqual([]);
    expect(parser.pendingLine).toBe('Installing dependencies');
  });

  it('hides a marker that has only partly arrived', () => {
    const parser = new TravisLogParser();
    parser.push('line\ntravis_fo');

    expect(parser.pendingLine).toBe('');

    parser.push(`ld:start:install${CLEAR}`);

    expect(parser.pendingLine).toBe('');
    expect(parser.folds).toEqual([
      { name: 'install', headerIndex: 1, depth: 0 },
    ]);
  });

  it('shows the latest progress of an overwritten line', () => {
    const parser = new TravisLogParser();
    parser.push('Downloading 10%\rDownloading 40%');

    expect(parser.pendingLine).toBe('Downloading 40%');
  });

  it('keeps a trailing \\r undecided until the next chunk', () => {
    const parser = new TravisLogParser();
    parser.push('first\r');

    expect(parser.lines).toEqual([]);

    parser.push('\nsecond\n');

    expect(parser.lines).toEqual(['first', 'second']);
  });

  it('turns the unfinished line into a line at the end', () => {
    const parser = new TravisLogParser();
    parser.push('Done. Your build exited with 1.');
    parser.end();

    expect(parser.lines).toEqual(['Done. Your build exited with 1.']);
    expect(parser.pendingLine).toBe('');
  });
});
