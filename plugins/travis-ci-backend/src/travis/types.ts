// Shapes of the Travis CI API v3 responses that the backend reads. Only the
// fields in use are listed; Travis sends more.

export interface TravisApiMinimalRepository {
  id: number;
  name: string;
  slug: string;
}

export interface TravisApiRepository extends TravisApiMinimalRepository {
  default_branch?: { name: string } | null;
  private?: boolean;
  active?: boolean;
}

export interface TravisApiCommit {
  id: number;
  sha: string;
  ref?: string | null;
  message?: string | null;
  compare_url?: string | null;
  committed_at?: string | null;
  author?: { name?: string | null } | null;
}

export interface TravisApiOwner {
  id: number;
  login?: string;
}

export interface TravisApiStage {
  id: number;
  number: number;
  name: string;
  state: string;
  started_at?: string | null;
  finished_at?: string | null;
}

export interface TravisApiJob {
  id: number;
  number?: string;
  state?: string;
  allow_failure?: boolean;
  created_at?: string | null;
  started_at?: string | null;
  finished_at?: string | null;
  repository?: TravisApiMinimalRepository;
  stage?: { id: number } | null;
  config?: Record<string, unknown> | null;
}

export interface TravisApiBuild {
  id: number;
  number: string;
  state: string;
  duration?: number | null;
  event_type: string;
  pull_request_title?: string | null;
  pull_request_number?: number | null;
  started_at?: string | null;
  finished_at?: string | null;
  repository?: TravisApiMinimalRepository;
  branch?: { name: string } | null;
  tag?: { name: string } | null;
  commit?: TravisApiCommit | null;
  jobs?: TravisApiJob[];
  stages?: TravisApiStage[];
  created_by?: TravisApiOwner | null;
  updated_at?: string | null;
}

export interface TravisApiPaginationLink {
  '@href': string;
  offset: number;
  limit: number;
}

export interface TravisApiPagination {
  limit: number;
  offset: number;
  count: number;
  is_first: boolean;
  is_last: boolean;
  next: TravisApiPaginationLink | null;
}

export interface TravisApiBuilds {
  '@pagination': TravisApiPagination;
  builds: TravisApiBuild[];
}

export interface TravisApiBranch {
  name: string;
  default_branch?: boolean;
  exists_on_github?: boolean;
  last_build?: { id: number; number: string; state: string } | null;
}

export interface TravisApiBranches {
  '@pagination'?: TravisApiPagination;
  branches: TravisApiBranch[];
}

export interface TravisApiPendingRequest {
  remaining_requests?: number;
  request: {
    id?: number;
    branch?: string;
    message?: string;
  };
}

export interface TravisApiPendingAction {
  '@type': 'pending';
  state_change: string;
  resource_type: string;
  build?: { id: number };
  job?: { id: number };
}

/** The JSON error body of Travis CI API v3. */
export interface TravisApiErrorBody {
  '@type': 'error';
  error_type: string;
  error_message: string;
  resource_type?: string;
  permission?: string;
  max_requests?: number;
  per_seconds?: number;
}
