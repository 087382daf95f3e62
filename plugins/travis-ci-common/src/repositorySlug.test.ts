import { InputError } from '@backstage/errors';
import {
  formatTravisRepositorySlug,
  parseTravisRepositorySlug,
} from './repositorySlug';

describe('parseTravisRepositorySlug', () => {
  it.each([
    ['acme/payments-api', 'acme', 'payments-api'],
    ['Acme-Corp/Web.Frontend_2', 'Acme-Corp', 'Web.Frontend_2'],
    ['a/b', 'a', 'b'],
    ['old--login/.github', 'old--login', '.github'],
    [`${'o'.repeat(39)}/${'n'.repeat(100)}`, 'o'.repeat(39), 'n'.repeat(100)],
  ])('accepts %s', (value, owner, name) => {
    expect(parseTravisRepositorySlug(value)).toEqual({ owner, name });
  });

  it.each([
    ['', 'exactly one "/"'],
    ['acme', 'exactly one "/"'],
    ['acme/payments/api', 'exactly one "/"'],
    [' acme/payments-api', 'white space'],
    ['acme/payments-api\n', 'white space'],
    ['/payments-api', 'the owner ""'],
    ['-acme/payments-api', 'the owner "-acme"'],
    ['acme-/payments-api', 'the owner "acme-"'],
    ['ac_me/payments-api', 'the owner "ac_me"'],
    [`${'o'.repeat(40)}/x`, 'the owner'],
    ['acme/', 'the repository name ""'],
    ['acme/..', 'the repository name ".."'],
    ['acme/.', 'the repository name "."'],
    ['acme/pay ments', 'the repository name "pay ments"'],
    ['acme/pay%2Fments', 'the repository name "pay%2Fments"'],
    [`acme/${'n'.repeat(101)}`, 'the repository name'],
    ['https://github.com/acme/payments-api', 'exactly one "/"'],
  ])('rejects %j with a message about %s', (value, fragment) => {
    expect(() => parseTravisRepositorySlug(value)).toThrow(InputError);
    expect(() => parseTravisRepositorySlug(value)).toThrow(fragment);
  });

  it('names the annotation and the value in the message', () => {
    expect(() => parseTravisRepositorySlug('acme')).toThrow(
      'Invalid travis-ci.com/repo-slug annotation "acme"',
    );
  });
});

describe('formatTravisRepositorySlug', () => {
  it('joins owner and name', () => {
    expect(
      formatTravisRepositorySlug({ owner: 'acme', name: 'payments-api' }),
    ).toBe('acme/payments-api');
  });
});
