import { RepositoryPatterns } from './repositoryPatterns';

describe('RepositoryPatterns', () => {
  it('matches exact slugs without regard to case', () => {
    const patterns = RepositoryPatterns.parse(['acme/payments-api']);

    expect(patterns.allows('acme/payments-api')).toBe(true);
    expect(patterns.allows('ACME/Payments-API')).toBe(true);
    expect(patterns.allows('acme/payments-api2')).toBe(false);
    expect(patterns.allows('acme/payments')).toBe(false);
  });

  it('matches a star within the name only', () => {
    const patterns = RepositoryPatterns.parse(['acme/payments-*', 'team-b/*']);

    expect(patterns.allows('acme/payments-api')).toBe(true);
    expect(patterns.allows('acme/payments-')).toBe(true);
    expect(patterns.allows('acme/web-frontend')).toBe(false);
    expect(patterns.allows('team-b/anything.js')).toBe(true);
    expect(patterns.allows('team-bx/anything')).toBe(false);
    expect(patterns.allows('other/team-b')).toBe(false);
  });

  it('treats a dot as a literal', () => {
    const patterns = RepositoryPatterns.parse(['acme/a.b']);

    expect(patterns.allows('acme/a.b')).toBe(true);
    expect(patterns.allows('acme/axb')).toBe(false);
  });

  it.each([
    ['acme', /expected owner\/name/],
    ['acme/a/b', /expected owner\/name/],
    ['*/*', /must be a literal GitHub login/],
    ['ac*/repo', /must be a literal GitHub login/],
    ['acme/re po', /may only contain/],
    ['acme/(x|y)', /may only contain/],
    ['acme/', /may only contain/],
  ])('rejects the pattern %s', (pattern, message) => {
    expect(() => RepositoryPatterns.parse([pattern])).toThrow(message);
  });
});
