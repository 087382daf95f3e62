/**
 * One Travis CI installation that the backend talks to.
 *
 * @public
 */
export interface TravisInstance {
  /** Name that the `travis-ci.com/instance` annotation refers to. */
  name: string;
  /** API base URL without a trailing slash, e.g. `https://travis.example.com/api`. */
  baseUrl: string;
  /** Web UI URL without a trailing slash, for links to builds and jobs. */
  webUrl: string;
}

/**
 * An instance together with its statically configured token, if any.
 */
export interface ConfiguredTravisInstance extends TravisInstance {
  token?: string;
}

/**
 * Rules for trigger, restart and cancel on top of the permission policy.
 */
export interface TravisActionRules {
  requireOwnership: boolean;
  allowServicePrincipals: boolean;
}

/**
 * The `travisci` configuration after validation and defaults.
 */
export interface TravisCiConfig {
  /** Configured instances; the first is the default. Empty without `travisci` config. */
  instances: ConfiguredTravisInstance[];
  requestTimeoutMs: number;
  actions: TravisActionRules;
}
