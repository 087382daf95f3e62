import { JobTemplate } from './types';

/** Slugs of the seeded repositories, present in every simulator instance. */
export const SIMULATOR_REPOSITORIES = {
  paymentsApi: 'acme/payments-api',
  webFrontend: 'acme/web-frontend',
  checkoutService: 'acme/checkout-service',
  inventoryService: 'acme/inventory-service',
  newService: 'acme/new-service',
  legacyBilling: 'acme/legacy-billing',
} as const;

/** API tokens of the seeded users. */
export const SIMULATOR_TOKENS = {
  /** Writes to the team-a repositories; reads public ones. */
  teamA: 'sim-team-a-token',
  /** Writes to the team-b repositories; reads public ones. */
  teamB: 'sim-team-b-token',
  /** Writes to every repository. */
  admin: 'sim-admin-token',
} as const;

export const ORGANIZATION = { login: 'acme', name: 'Acme Corp' };

export interface PersonFixture {
  login: string;
  name: string;
}

export const DEVELOPERS: PersonFixture[] = [
  { login: 'dev-alice', name: 'Alice Moreau' },
  { login: 'dev-bob', name: 'Bob Okafor' },
  { login: 'dev-carol', name: 'Carol Jensen' },
  { login: 'dev-dave', name: 'Dave Kim' },
  { login: 'dev-erin', name: 'Erin Walsh' },
  { login: 'dev-frank', name: 'Frank Ito' },
];

export const TOKEN_USERS: Record<keyof typeof SIMULATOR_TOKENS, PersonFixture> = {
  teamA: { login: 'team-a-ci', name: 'Team A CI' },
  teamB: { login: 'team-b-ci', name: 'Team B CI' },
  admin: { login: 'sim-admin', name: 'Simulator Admin' },
};

export const COMMIT_MESSAGES = [
  'Fix flaky test in retry handler',
  'Bump axios from 1.6.7 to 1.7.2',
  'Add request id to error logs',
  'Refactor config loading into its own module',
  'Handle empty response from upstream',
  'Update README with local setup steps',
  'Increase HTTP client timeout to 10s',
  'Remove unused feature flag',
  'Add metrics for queue depth',
  'Validate currency codes on input',
  'Cache exchange rates for five minutes',
  'Fix race condition when closing the pool',
  'Upgrade to Node 20 in CI',
  'Split integration tests from unit tests',
  'Use structured logging everywhere',
  'Return 404 for unknown order ids',
  'Add pagination to the orders endpoint',
  'Tidy up lint warnings',
  'Pin Docker base image digest',
  'Document the deploy pipeline',
  'Add retries with backoff for webhooks',
  'Fix typo in migration name',
  'Drop support for legacy v1 tokens',
  'Speed up test suite by sharing fixtures',
  "Merge pull request from acme/renovate-deps",
];

export const PULL_REQUEST_TITLES = [
  'Add idempotency keys to payment creation',
  'Migrate to the new logging library',
  'Improve error messages for invalid input',
  'Support partial refunds',
  'Replace moment with date-fns',
  'Add health check endpoint',
  'Run tests in parallel',
  'Introduce rate limiting on public endpoints',
];

export const FEATURE_BRANCHES = [
  'feature/idempotency-keys',
  'feature/partial-refunds',
  'feature/structured-logging',
  'feature/rate-limits',
  'feature/new-checkout-flow',
  'feature/stock-reservations',
];

export interface RepositoryFixture {
  slug: string;
  team: 'team-a' | 'team-b';
  private: boolean;
  description: string;
  language: string;
  buildCount: number;
  /** Average simulated time between two builds in the history. */
  buildIntervalMs: number;
  failureRate: number;
  stageNames: string[];
  matrix: JobTemplate[];
  featureBranches: string[];
  /** How the newest build ends: it runs on the default branch. */
  latest: 'passed' | 'failed' | 'running' | 'none';
}

const HOUR = 3600 * 1000;

const nodeJob = (
  version: string,
  extra: Partial<JobTemplate['config']> = {},
  allowFailure = false,
  stage?: string,
): JobTemplate => ({
  config: { os: 'linux', dist: 'focal', language: 'node_js', node_js: version, ...extra },
  allowFailure,
  stage,
});

export const REPOSITORY_FIXTURES: RepositoryFixture[] = [
  {
    slug: SIMULATOR_REPOSITORIES.paymentsApi,
    team: 'team-a',
    private: false,
    description: 'Payments API: charges, refunds and payouts',
    language: 'TypeScript',
    buildCount: 262,
    buildIntervalMs: 5 * HOUR,
    failureRate: 0.12,
    stageNames: [],
    matrix: [nodeJob('18'), nodeJob('20')],
    featureBranches: FEATURE_BRANCHES.slice(0, 3),
    latest: 'passed',
  },
  {
    slug: SIMULATOR_REPOSITORIES.webFrontend,
    team: 'team-a',
    private: true,
    description: 'Customer-facing web application',
    language: 'TypeScript',
    buildCount: 54,
    buildIntervalMs: 14 * HOUR,
    failureRate: 0.3,
    stageNames: [],
    matrix: [
      nodeJob('20', { env: 'BROWSER=chrome' }),
      nodeJob('20', { env: 'BROWSER=firefox' }),
      nodeJob('22', { env: 'BROWSER=chrome' }, true),
      {
        config: {
          os: 'osx',
          osx_image: 'xcode14.2',
          language: 'node_js',
          node_js: '20',
          env: 'BROWSER=safari',
        },
        allowFailure: true,
      },
    ],
    featureBranches: ['feature/new-checkout-flow', 'feature/structured-logging'],
    latest: 'failed',
  },
  {
    slug: SIMULATOR_REPOSITORIES.checkoutService,
    team: 'team-a',
    private: false,
    description: 'Checkout service: carts, orders and payment hand-off',
    language: 'JavaScript',
    buildCount: 41,
    buildIntervalMs: 18 * HOUR,
    failureRate: 0.15,
    stageNames: ['test', 'deploy'],
    matrix: [
      nodeJob('18', {}, false, 'test'),
      nodeJob('20', {}, false, 'test'),
      nodeJob('20', { script: 'npm run deploy' }, false, 'deploy'),
    ],
    featureBranches: ['feature/new-checkout-flow'],
    latest: 'running',
  },
  {
    slug: SIMULATOR_REPOSITORIES.inventoryService,
    team: 'team-b',
    private: true,
    description: 'Inventory service: stock levels and reservations',
    language: 'Go',
    buildCount: 36,
    buildIntervalMs: 20 * HOUR,
    failureRate: 0.1,
    stageNames: [],
    matrix: [
      { config: { os: 'linux', dist: 'jammy', language: 'go', go: '1.22.x' }, allowFailure: false },
      { config: { os: 'linux', dist: 'jammy', language: 'go', go: '1.23.x' }, allowFailure: false },
    ],
    featureBranches: ['feature/stock-reservations'],
    latest: 'passed',
  },
  {
    slug: SIMULATOR_REPOSITORIES.newService,
    team: 'team-b',
    private: false,
    description: 'A new service that has not been built yet',
    language: 'TypeScript',
    buildCount: 0,
    buildIntervalMs: HOUR,
    failureRate: 0.1,
    stageNames: [],
    matrix: [nodeJob('20')],
    featureBranches: ['feature/rate-limits'],
    latest: 'none',
  },
  {
    slug: SIMULATOR_REPOSITORIES.legacyBilling,
    team: 'team-a',
    private: true,
    description: 'Legacy billing system, built on Travis CI Enterprise',
    language: 'Ruby',
    buildCount: 30,
    buildIntervalMs: 30 * HOUR,
    failureRate: 0.2,
    stageNames: ['test', 'integration'],
    matrix: [
      { config: { os: 'linux', dist: 'bionic', language: 'ruby', rvm: '2.7' }, allowFailure: false, stage: 'test' },
      { config: { os: 'linux', dist: 'bionic', language: 'ruby', rvm: '3.1' }, allowFailure: false, stage: 'test' },
      {
        config: { os: 'linux', dist: 'bionic', language: 'ruby', rvm: '3.1', env: 'SUITE=integration' },
        allowFailure: false,
        stage: 'integration',
      },
    ],
    featureBranches: ['feature/partial-refunds'],
    latest: 'passed',
  },
];
