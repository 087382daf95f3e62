import { matchTravisLogMarker } from './markers';

describe('matchTravisLogMarker', () => {
  it.each([
    [
      'travis_fold:start:git.checkout',
      { before: '', type: 'fold-start', name: 'git.checkout' },
    ],
    [
      'travis_fold:end:install.1',
      { before: '', type: 'fold-end', name: 'install.1' },
    ],
    [
      'travis_time:start:0a1b2c3d',
      { before: '', type: 'time-start', id: '0a1b2c3d' },
    ],
    [
      'travis_time:end:0a1b2c3d:start=1,finish=2000000001,duration=2000000000,event=script',
      { before: '', type: 'time-end', id: '0a1b2c3d', durationSeconds: 2 },
    ],
    [
      'output travis_fold:end:x',
      { before: 'output ', type: 'fold-end', name: 'x' },
    ],
  ])('recognizes %j', (segment, expected) => {
    expect(matchTravisLogMarker(segment)).toEqual(expected);
  });

  it.each([
    'plain output',
    'travis_fold:start:',
    'travis_fold:start:name with spaces',
    'travis_time:start:',
    'travis_fold:middle:x',
  ])('ignores %j', segment => {
    expect(matchTravisLogMarker(segment)).toBeUndefined();
  });

  it('leaves the duration undefined without timing values', () => {
    expect(matchTravisLogMarker('travis_time:end:ab:event=script')).toEqual({
      before: '',
      type: 'time-end',
      id: 'ab',
      durationSeconds: undefined,
    });
  });
});
