import { Entity } from '@backstage/catalog-model';
import {
  TravisBuild,
  TravisEntityActions,
} from '@travis-ci-backstage/plugin-travis-ci-common';

export const TEST_BACKEND_URL = 'http://example.com/api/travis-ci';

export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: { 'travis-ci.com/repo-slug': 'acme/payments-api' },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

export const entityWithoutAnnotation: Entity = {
  ...testEntity,
  metadata: { name: 'no-travis', namespace: 'default' },
};

/** The backend URL prefix of {@link testEntity}'s routes. */
export const TEST_ENTITY_URL = `${TEST_BACKEND_URL}/entities/Component/default/payments-api`;

/** A finished push build; override what a test cares about. */
export function makeBuild(overrides: Partial<TravisBuild> = {}): TravisBuild {
  const id = overrides.id ?? 1000;
  return {
    id,
    number: String(id - 900),
    state: 'passed',
    eventType: 'push',
    branch: 'main',
    commit: {
      sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      shortSha: 'a1b2c3d',
      message: 'Fix rounding of refunds\n\nThe body of the commit message.',
      url: 'https://github.com/acme/payments-api/commit/a1b2c3d4e5f6',
    },
    createdBy: 'octocat',
    createdAt: '2026-01-10T09:59:00Z',
    startedAt: '2026-01-10T10:00:00Z',
    finishedAt: '2026-01-10T10:03:05Z',
    duration: 185,
    webUrl: `https://app.travis-ci.com/github/acme/payments-api/builds/${id}`,
    ...overrides,
  };
}

export const ALL_ALLOWED: TravisEntityActions = {
  read: { allowed: true },
  trigger: { allowed: true },
  restart: { allowed: true },
  cancel: { allowed: true },
};

export const READ_ONLY: TravisEntityActions = {
  read: { allowed: true },
  trigger: {
    allowed: false,
    reason: 'Only owners of payments-api may trigger builds.',
  },
  restart: {
    allowed: false,
    reason: 'Only owners of payments-api may restart builds.',
  },
  cancel: {
    allowed: false,
    reason: 'Only owners of payments-api may cancel builds.',
  },
};
