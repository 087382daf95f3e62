import { TravisBuildState } from './build';

/**
 * A branch of an entity's repository that Travis CI knows.
 *
 * @public
 */
export interface TravisBranch {
  name: string;
  defaultBranch: boolean;
  lastBuild?: {
    id: number;
    number: string;
    state: TravisBuildState;
  };
}
