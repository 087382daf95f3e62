import { repositoryNotAllowedError } from '../../errors';
import { RepositoryPatterns } from '../owner/repositoryPatterns';
import {
  TravisCredentials,
  TravisCredentialsProvider,
  TravisCredentialsRequest,
} from '../TravisCredentialsProvider';
import { StaticOwnerToken } from '../config/CredentialsConfig';

interface OwnerEntry {
  token: string;
  repositories?: RepositoryPatterns;
}

/**
 * Returns the configured token of the entity's owner, and for owners
 * without one the instance token of the fallback provider. An owner entry
 * with repository patterns is used only for matching repositories.
 */
export class StaticOwnerCredentialsProvider
  implements TravisCredentialsProvider
{
  readonly #owners: Map<string, OwnerEntry>;
  readonly #fallback: TravisCredentialsProvider;

  constructor(owners: StaticOwnerToken[], fallback: TravisCredentialsProvider) {
    this.#owners = new Map(
      owners.map(owner => [
        owner.ownerRef.toLowerCase(),
        {
          token: owner.token,
          repositories:
            owner.repositories && RepositoryPatterns.parse(owner.repositories),
        },
      ]),
    );
    this.#fallback = fallback;
  }

  async getCredentials(
    request: TravisCredentialsRequest,
  ): Promise<TravisCredentials> {
    const owner =
      request.ownerRef && this.#owners.get(request.ownerRef.toLowerCase());
    if (!owner) {
      return this.#fallback.getCredentials(request);
    }

    const repository = `${request.repository.owner}/${request.repository.name}`;
    if (owner.repositories && !owner.repositories.allows(repository)) {
      throw repositoryNotAllowedError(
        `Owner ${request.ownerRef} may not use the Travis CI repository ${repository} of ${request.entityRef}: no pattern in its travisci.credentials.static.owners entry matches it.`,
      );
    }
    return { token: owner.token };
  }
}
