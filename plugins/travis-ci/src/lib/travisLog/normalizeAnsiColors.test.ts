import {
  AnsiColorNormalizer,
  normalizeAnsiColors,
} from './normalizeAnsiColors';

describe('normalizeAnsiColors', () => {
  it.each([
    ['plain text', 'plain text'],
    ['\x1b[31mred', '\x1b[31mred'],
    [
      '\x1b[33;1mWorker information\x1b[0m',
      '\x1b[33m\x1b[1mWorker information\x1b[22m\x1b[39m',
    ],
    ['\x1b[32mPASS\x1b[0m done', '\x1b[32mPASS\x1b[39m done'],
    ['\x1b[4;3mstyled\x1b[m', '\x1b[4m\x1b[3mstyled\x1b[23m\x1b[24m'],
    ['\x1b[0mno colour on', 'no colour on'],
    ['\x1b[91mbright red', '\x1b[31mbright red'],
    [
      '\x1b[102mbright green background\x1b[0m',
      '\x1b[42mbright green background\x1b[49m',
    ],
    ['\x1b[90mgrey', '\x1b[90mgrey'],
    ['\x1b[38;5;208morange\x1b[1m', 'orange\x1b[1m'],
    ['\x1b[38;2;255;0;0;1mtrue red', '\x1b[1mtrue red'],
    ['\x1b[5mblinking', 'blinking'],
  ])('rewrites %j', (line, expected) => {
    expect(normalizeAnsiColors(line)).toBe(expected);
  });

  it('leaves other escape sequences alone', () => {
    expect(normalizeAnsiColors('\x1b[2Kcleared')).toBe('\x1b[2Kcleared');
    expect(normalizeAnsiColors('\x1b[?25lhidden')).toBe('\x1b[?25lhidden');
  });

  it('keeps a sequence cut off at the end', () => {
    expect(normalizeAnsiColors('text \x1b[31')).toBe('text \x1b[31');
    expect(normalizeAnsiColors('\x1b[31mred \x1b[')).toBe('\x1b[31mred \x1b[');
  });
});

describe('AnsiColorNormalizer', () => {
  it('resets a colour set on an earlier line', () => {
    const normalizer = new AnsiColorNormalizer();

    expect(normalizer.normalize('\x1b[31mred starts')).toBe(
      '\x1b[31mred starts',
    );
    expect(normalizer.normalize('still red\x1b[0m')).toBe('still red\x1b[39m');
    expect(normalizer.normalize('\x1b[0mplain')).toBe('plain');
  });

  it('copies the state without sharing it', () => {
    const normalizer = new AnsiColorNormalizer();
    normalizer.normalize('\x1b[1mbold');

    const copy = normalizer.copy();
    expect(copy.normalize('\x1b[0m')).toBe('\x1b[22m');
    expect(normalizer.normalize('\x1b[0m')).toBe('\x1b[22m');
  });
});
