import {
  ApiToken,
  Branch,
  Build,
  BuildRequest,
  Commit,
  Job,
  Organization,
  Repository,
  Stage,
  User,
} from './types';

/** First ids of each kind, chosen to look like ids of a long-running installation. */
const FIRST_IDS = {
  user: 4100,
  organization: 210,
  repository: 19300001,
  commit: 452000001,
  request: 331000001,
  build: 271000001,
  stage: 31000001,
  job: 612000001,
  log: 905000001,
};

type IdKind = keyof typeof FIRST_IDS;

/**
 * All entities of one simulator instance, with lookups. Lifecycle rules live
 * in lifecycle.ts and requests.ts; this class only stores and finds.
 */
export class SimulatorState {
  readonly users = new Map<number, User>();
  readonly organizations = new Map<number, Organization>();
  readonly repositories = new Map<number, Repository>();
  /** Branches per repository id, keyed by branch name. */
  readonly branches = new Map<number, Map<string, Branch>>();
  readonly commits = new Map<number, Commit>();
  readonly requests = new Map<number, BuildRequest>();
  readonly builds = new Map<number, Build>();
  readonly stages = new Map<number, Stage>();
  readonly jobs = new Map<number, Job>();
  readonly tokens = new Map<string, ApiToken>();
  /** Builds whose jobs may still change state as time passes. */
  readonly activeBuildIds = new Set<number>();
  readonly pendingRequestIds = new Set<number>();
  /** Builds of each repository in creation order. */
  private readonly buildsByRepository = new Map<number, number[]>();
  private readonly nextIds = { ...FIRST_IDS };

  nextId(kind: IdKind): number {
    const id = this.nextIds[kind];
    this.nextIds[kind] = id + 1;
    return id;
  }

  addBuild(build: Build) {
    this.builds.set(build.id, build);
    const list = this.buildsByRepository.get(build.repositoryId) ?? [];
    list.push(build.id);
    this.buildsByRepository.set(build.repositoryId, list);
  }

  buildsOf(repositoryId: number): Build[] {
    const ids = this.buildsByRepository.get(repositoryId) ?? [];
    return ids.map(id => this.builds.get(id)!);
  }

  jobsOf(build: Build): Job[] {
    return build.jobIds.map(id => this.jobs.get(id)!);
  }

  stagesOf(build: Build): Stage[] {
    return build.stageIds.map(id => this.stages.get(id)!);
  }

  branchesOf(repositoryId: number): Branch[] {
    return [...(this.branches.get(repositoryId)?.values() ?? [])];
  }

  findBranch(repositoryId: number, name: string): Branch | undefined {
    return this.branches.get(repositoryId)?.get(name);
  }

  addBranch(branch: Branch) {
    const map = this.branches.get(branch.repositoryId) ?? new Map();
    map.set(branch.name, branch);
    this.branches.set(branch.repositoryId, map);
  }

  /** Finds a repository by slug, ignoring case as Travis does. */
  findRepositoryBySlug(slug: string): Repository | undefined {
    const wanted = slug.toLowerCase();
    for (const repository of this.repositories.values()) {
      if (slugOf(repository).toLowerCase() === wanted) {
        return repository;
      }
    }
    return undefined;
  }

  /** Finds the newest build of a branch by number, or undefined when it never built. */
  lastBuildOfBranch(repositoryId: number, branchName: string): Build | undefined {
    let last: Build | undefined;
    for (const build of this.buildsOf(repositoryId)) {
      if (build.branchName === branchName && build.tagName === null) {
        if (!last || build.number > last.number) {
          last = build;
        }
      }
    }
    return last;
  }

  /** Finds the newest build of the same tag as `build`. */
  lastBuildOfTag(build: Build): Build | undefined {
    return this.buildsOf(build.repositoryId)
      .filter(other => other.tagName !== null && other.tagName === build.tagName)
      .pop();
  }

  organizationOf(repository: Repository): Organization {
    return this.organizations.get(repository.organizationId)!;
  }
}

export function slugOf(repository: Repository): string {
  return `${repository.ownerName}/${repository.name}`;
}
