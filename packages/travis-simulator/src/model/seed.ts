import { SeededRandom } from '../random';
import { createBuild, PlannedJob } from './buildFactory';
import {
  COMMIT_MESSAGES,
  DEVELOPERS,
  ORGANIZATION,
  PULL_REQUEST_TITLES,
  REPOSITORY_FIXTURES,
  RepositoryFixture,
  SIMULATOR_TOKENS,
  TOKEN_USERS,
} from './fixtures';
import { planJobs } from './jobPlanner';
import { SimulatorState, slugOf } from './state';
import { EventType, Repository, User } from './types';

/** A merged feature branch that GitHub no longer has. */
const DELETED_BRANCH = 'feature/merged-cleanup';

/** A build of the seeded history before it is created, so ids follow creation time across repositories. */
interface BuildDraft {
  repository: Repository;
  createdAt: number;
  eventType: EventType;
  branchName: string;
  tagName: string | null;
  pullRequest: { number: number; title: string } | null;
  authorId: number;
  message: string;
  sha: string;
  jobs: PlannedJob[];
  cancelAt?: number;
}

/**
 * Fills an empty state with the seeded installation as it is at `now`:
 * the acme organization, its developers and CI users, six repositories
 * with branches and build history, and the three API tokens.
 */
export function seedState(state: SimulatorState, seed: number, now: number) {
  const random = new SeededRandom(seed);
  const organizationId = state.nextId('organization');
  state.organizations.set(organizationId, {
    id: organizationId,
    login: ORGANIZATION.login,
    name: ORGANIZATION.name,
    githubId: 8_400_000 + random.int(1000, 9999),
  });

  const developers = DEVELOPERS.map(person => addUser(state, random, person, now));
  const tokenUsers = Object.fromEntries(
    Object.entries(TOKEN_USERS).map(([key, person]) => [key, addUser(state, random, person, now)]),
  ) as Record<keyof typeof TOKEN_USERS, User>;

  const drafts: BuildDraft[] = [];
  const repositories = REPOSITORY_FIXTURES.map(fixture => {
    const repository = addRepository(state, random, fixture, organizationId);
    drafts.push(...draftHistory(repository, fixture, random.fork(repository.id), developers, now));
    return { fixture, repository };
  });

  drafts.sort((a, b) => a.createdAt - b.createdAt);
  for (const draft of drafts) {
    materializeDraft(state, draft, now);
  }

  for (const { fixture, repository } of repositories) {
    addBranches(state, random, repository, fixture, developers[0], now);
  }

  const slugsOf = (team: string) =>
    new Set(
      repositories
        .filter(({ fixture }) => fixture.team === team)
        .map(({ fixture }) => fixture.slug.toLowerCase()),
    );
  addToken(state, SIMULATOR_TOKENS.teamA, tokenUsers.teamA.id, slugsOf('team-a'));
  addToken(state, SIMULATOR_TOKENS.teamB, tokenUsers.teamB.id, slugsOf('team-b'));
  addToken(state, SIMULATOR_TOKENS.admin, tokenUsers.admin.id, '*');
}

export function addToken(
  state: SimulatorState,
  token: string,
  userId: number,
  repositories: ReadonlySet<string> | '*',
) {
  state.tokens.set(token, { token, userId, repositories, revoked: false });
}

export function addUser(
  state: SimulatorState,
  random: SeededRandom,
  person: { login: string; name: string },
  now: number,
): User {
  const id = state.nextId('user');
  const user: User = {
    id,
    login: person.login,
    name: person.name,
    githubId: 1_200_000 + random.int(10_000, 99_999),
    email: `${person.login}@acme.example`,
    createdAt: now - 400 * 24 * 3600 * 1000,
  };
  state.users.set(id, user);
  return user;
}

function addRepository(
  state: SimulatorState,
  random: SeededRandom,
  fixture: RepositoryFixture,
  organizationId: number,
): Repository {
  const [ownerName, name] = fixture.slug.split('/');
  const id = state.nextId('repository');
  const repository: Repository = {
    id,
    githubId: 610_000_000 + random.int(100_000, 999_999),
    organizationId,
    ownerName,
    name,
    description: fixture.description,
    language: fixture.language,
    private: fixture.private,
    active: true,
    defaultBranch: 'main',
    requestLimitPerHour: 10,
    matrix: fixture.matrix,
    stageNames: fixture.stageNames,
    failureRate: fixture.failureRate,
  };
  state.repositories.set(id, repository);
  return repository;
}

function draftHistory(
  repository: Repository,
  fixture: RepositoryFixture,
  random: SeededRandom,
  developers: User[],
  now: number,
): BuildDraft[] {
  const drafts: BuildDraft[] = [];
  let pullRequestNumber = random.int(40, 90);
  let tagMinor = random.int(1, 4);

  for (let index = 0; index < fixture.buildCount; index++) {
    const isLatest = index === fixture.buildCount - 1;
    const age = (fixture.buildCount - index) * fixture.buildIntervalMs;
    const createdAt = now - age + random.int(0, fixture.buildIntervalMs / 2) - 2 * 3600 * 1000;
    const author = random.pick(developers);
    let eventType: EventType = 'push';
    let branchName = 'main';
    let tagName: string | null = null;
    let pullRequest: BuildDraft['pullRequest'] = null;
    const roll = random.next();

    if (isLatest) {
      eventType = 'push';
    } else if (roll < 0.18) {
      eventType = 'pull_request';
      pullRequestNumber += random.int(1, 3);
      pullRequest = { number: pullRequestNumber, title: random.pick(PULL_REQUEST_TITLES) };
    } else if (roll < 0.26) {
      eventType = 'cron';
    } else if (roll < 0.31) {
      eventType = 'api';
    } else if (roll < 0.34) {
      tagMinor += 1;
      tagName = `v1.${tagMinor}.0`;
      branchName = tagName;
    } else if (roll < 0.55) {
      branchName = 'develop';
    } else if (roll < 0.7) {
      branchName = random.chance(0.2) ? DELETED_BRANCH : random.pick(fixture.featureBranches);
    }

    const draft: BuildDraft = {
      repository,
      createdAt,
      eventType,
      branchName,
      tagName,
      pullRequest,
      authorId: author.id,
      message: pullRequest ? pullRequest.title : random.pick(COMMIT_MESSAGES),
      sha: random.hex(40),
      jobs: planJobs(repository, random, {
        forcedResult: isLatest ? latestResult(fixture) : null,
      }),
    };

    if (isLatest && fixture.latest === 'running') {
      runLatestBuildNow(draft, now);
    } else if (!isLatest && random.chance(0.03)) {
      draft.cancelAt = createdAt + random.int(40_000, 120_000);
    }
    drafts.push(draft);
  }
  return drafts;
}

function latestResult(fixture: RepositoryFixture) {
  return fixture.latest === 'failed' ? 'failed' : 'passed';
}

/**
 * Makes the newest build start shortly before `now` with one long test job,
 * so its log keeps growing for a quarter of an hour of simulated time.
 */
function runLatestBuildNow(draft: BuildDraft, now: number) {
  draft.createdAt = now - 100_000;
  draft.jobs = draft.jobs.map((job, index) => ({
    ...job,
    result: 'passed',
    durationMs: [55_000, 900_000, 80_000][index] ?? 120_000,
  }));
}

function materializeDraft(state: SimulatorState, draft: BuildDraft, now: number) {
  const { repository } = draft;
  const slug = slugOf(repository);
  const commitId = state.nextId('commit');
  const author = state.users.get(draft.authorId)!;
  const shortSha = draft.sha.slice(0, 12);

  let ref = `refs/heads/${draft.branchName}`;
  let compareUrl = `https://github.com/${slug}/compare/${draft.sha.slice(12, 24)}...${shortSha}`;
  if (draft.pullRequest) {
    ref = `refs/pull/${draft.pullRequest.number}/merge`;
    compareUrl = `https://github.com/${slug}/pull/${draft.pullRequest.number}`;
  } else if (draft.tagName) {
    ref = `refs/tags/${draft.tagName}`;
    compareUrl = `https://github.com/${slug}/compare/${draft.tagName}`;
  }

  state.commits.set(commitId, {
    id: commitId,
    repositoryId: repository.id,
    sha: draft.sha,
    ref,
    message: draft.message,
    compareUrl,
    committedAt: draft.createdAt - 35_000,
    authorName: author.name,
    authorEmail: author.email,
  });

  const requestId = state.nextId('request');
  state.requests.set(requestId, {
    id: requestId,
    repositoryId: repository.id,
    state: 'finished',
    result: 'approved',
    message: null,
    eventType: draft.eventType,
    branchName: draft.branchName,
    commitId,
    createdById: draft.authorId,
    createdAt: draft.createdAt - 4_000,
    processAt: draft.createdAt,
    buildIds: [],
    config: {},
    mergeMode: null,
    commitMessage: null,
    forcedResult: null,
    pullRequestMergeable: draft.pullRequest ? 'clean' : null,
  });

  const build = createBuild(
    state,
    {
      repository,
      requestId,
      commitId,
      eventType: draft.eventType,
      branchName: draft.branchName,
      tagName: draft.tagName,
      pullRequestNumber: draft.pullRequest?.number ?? null,
      pullRequestTitle: draft.pullRequest?.title ?? null,
      createdById: draft.authorId,
      createdAt: draft.createdAt,
      jobs: draft.jobs,
      cancelAt: draft.cancelAt,
    },
    now,
  );
  state.requests.get(requestId)!.buildIds.push(build.id);
}

/**
 * Adds the default branch, `develop` and the feature branches. A branch's
 * head is the commit of its newest push build; a branch that never built
 * gets a fresh commit so it can still be triggered.
 */
function addBranches(
  state: SimulatorState,
  random: SeededRandom,
  repository: Repository,
  fixture: RepositoryFixture,
  author: User,
  now: number,
) {
  const names = ['main', 'develop', ...fixture.featureBranches];
  for (const name of names) {
    const last = state
      .buildsOf(repository.id)
      .filter(build => build.branchName === name && build.eventType !== 'pull_request')
      .pop();
    let headCommitId = last?.commitId ?? null;

    if (headCommitId === null) {
      headCommitId = state.nextId('commit');
      const sha = random.hex(40);
      state.commits.set(headCommitId, {
        id: headCommitId,
        repositoryId: repository.id,
        sha,
        ref: `refs/heads/${name}`,
        message: name === 'main' ? 'Initial commit' : random.pick(COMMIT_MESSAGES),
        compareUrl: `https://github.com/${slugOf(repository)}/commit/${sha.slice(0, 12)}`,
        committedAt: now - random.int(2, 30) * 24 * 3600 * 1000,
        authorName: author.name,
        authorEmail: author.email,
      });
    }

    state.addBranch({
      repositoryId: repository.id,
      name,
      existsOnGithub: true,
      headCommitId,
    });
  }

  // Travis keeps branches that were deleted on GitHub after they built.
  const deletedBuild = state
    .buildsOf(repository.id)
    .filter(build => build.branchName === DELETED_BRANCH)
    .pop();
  if (deletedBuild) {
    state.addBranch({
      repositoryId: repository.id,
      name: DELETED_BRANCH,
      existsOnGithub: false,
      headCommitId: deletedBuild.commitId,
    });
  }
}
