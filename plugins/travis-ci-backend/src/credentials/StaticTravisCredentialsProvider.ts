import { ConfiguredTravisInstance } from '../config/TravisCiConfig';
import { credentialsUnavailableError } from '../errors';
import {
  TravisCredentials,
  TravisCredentialsProvider,
  TravisCredentialsRequest,
} from './TravisCredentialsProvider';

/**
 * Credentials provider with the one token configured for each instance,
 * whatever the entity.
 */
export class StaticTravisCredentialsProvider
  implements TravisCredentialsProvider
{
  readonly #tokens: Map<string, string>;

  constructor(instances: ConfiguredTravisInstance[]) {
    this.#tokens = new Map(
      instances.flatMap(instance =>
        instance.token ? [[instance.name, instance.token] as const] : [],
      ),
    );
  }

  /**
   * Lists the names of instances without a token, so that the plugin can
   * stop at start-up when this provider is in use.
   */
  static findInstancesWithoutToken(
    instances: ConfiguredTravisInstance[],
  ): string[] {
    return instances.filter(instance => !instance.token).map(i => i.name);
  }

  async getCredentials(
    request: TravisCredentialsRequest,
  ): Promise<TravisCredentials> {
    const token = this.#tokens.get(request.instance.name);
    if (!token) {
      throw credentialsUnavailableError(
        `No token is configured for Travis CI instance "${request.instance.name}"; set its token in the travisci config.`,
      );
    }
    return { token };
  }
}
