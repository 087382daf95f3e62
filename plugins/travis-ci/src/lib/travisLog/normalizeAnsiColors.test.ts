import { normalizeAnsiColors } from './normalizeAnsiColors';

const RESET = '\x1b[22m\x1b[23m\x1b[24m\x1b[39m\x1b[49m';

describe('normalizeAnsiColors', () => {
  it.each([
    ['plain text', 'plain text'],
    ['\x1b[31mred', '\x1b[31mred'],
    ['\x1b[33;1mWorker information', '\x1b[33m\x1b[1mWorker information'],
    ['\x1b[32mPASS\x1b[0m done', `\x1b[32mPASS${RESET} done`],
    ['\x1b[mreset', `${RESET}reset`],
    ['\x1b[91mbright red', '\x1b[31mbright red'],
    ['\x1b[102mbright green background', '\x1b[42mbright green background'],
    ['\x1b[90mgrey', '\x1b[90mgrey'],
  ])('rewrites %j', (line, expected) => {
    expect(normalizeAnsiColors(line)).toBe(expected);
  });

  it('leaves other escape sequences alone', () => {
    expect(normalizeAnsiColors('\x1b[2Kcleared')).toBe('\x1b[2Kcleared');
  });
});
