import { OWNER_SLUG_PATTERN, parseOwnerSlug, toOwnerSlug } from './ownerSlug';

describe('toOwnerSlug', () => {
  it.each([
    ['group:default/team-a', 'group.default.team-a'],
    ['Group:Default/Team-A', 'group.default.team-a'],
    ['user:default/jane.doe', 'user.default.jane.doe'],
    ['group:platform-eng/team_b.ops', 'group.platform-eng.team_b.ops'],
  ])('maps %s to %s', (ref, slug) => {
    expect(toOwnerSlug(ref)).toBe(slug);
    expect(slug).toMatch(OWNER_SLUG_PATTERN);
  });

  it.each([
    'team-a',
    'default/team-a',
    'group:team-a',
    'group:default/team/a',
    'group:default/team*',
    'group:default/team+a',
    'group:def.ault/team-a',
    'gr-oup:default/team-a',
    'group:default/-team',
    'group:default/',
    `group:default/${'a'.repeat(64)}`,
  ])('rejects %s', ref => {
    expect(() => toOwnerSlug(ref)).toThrow(/Invalid owner entity ref/);
  });

  it('keeps distinct owners apart', () => {
    const refs = [
      'group:default/team-a',
      'user:default/team-a',
      'group:other/team-a',
      'group:default/a.team',
      'group:default.a/team',
      'group:default/team-a.b',
      'group:default-team/a.b',
    ].filter(ref => {
      try {
        toOwnerSlug(ref);
        return true;
      } catch {
        return false;
      }
    });

    const slugs = refs.map(toOwnerSlug);

    expect(new Set(slugs).size).toBe(refs.length);
  });

  it('never yields a slash, star or plus', () => {
    for (const ref of ['group:default/a_b', 'user:ns-1/x.y-z', 'k:n/v']) {
      expect(toOwnerSlug(ref)).not.toMatch(/[/*+]/);
    }
  });
});

describe('parseOwnerSlug', () => {
  it('inverts toOwnerSlug', () => {
    for (const ref of [
      'group:default/team-a',
      'user:default/jane.doe',
      'group:platform-eng/team_b.ops',
    ]) {
      expect(parseOwnerSlug(toOwnerSlug(ref))).toBe(ref);
    }
  });

  it.each([
    'group.default',
    'group/default.team',
    'Group.default.team',
    'group.default.team/x',
  ])('rejects %s', slug => {
    expect(() => parseOwnerSlug(slug)).toThrow(/Invalid owner slug/);
  });
});
