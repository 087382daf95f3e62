export interface Config {
  /**
   * Travis CI instances and action rules of the Travis CI backend plugin.
   * Without this section the backend starts, and every Travis CI route
   * returns 503 with the code `instance-not-configured`.
   */
  travisci?: {
    /**
     * API base URL of the single instance in the short form, including the
     * `/api` path on Travis CI Enterprise. Default: https://api.travis-ci.com.
     * Do not combine with `instances`.
     */
    baseUrl?: string;

    /**
     * Web UI URL of the single instance in the short form, used for links to
     * builds and jobs. Default: https://app.travis-ci.com, or the origin of
     * `baseUrl` when `baseUrl` is set to another host.
     */
    webUrl?: string;

    /**
     * Travis CI API token of the single instance in the short form.
     * @visibility secret
     */
    token?: string;

    /**
     * Several Travis CI instances. The first one is the default; an entity
     * picks another one with the `travis-ci.com/instance` annotation.
     */
    instances?: Array<{
      /** Name that the `travis-ci.com/instance` annotation refers to. */
      name: string;

      /** API base URL, including the `/api` path on Travis CI Enterprise. */
      baseUrl: string;

      /**
       * Web UI URL, used for links to builds and jobs. Default:
       * https://app.travis-ci.com for https://api.travis-ci.com, otherwise
       * the origin of `baseUrl`.
       */
      webUrl?: string;

      /**
       * Travis CI API token for this instance.
       * @visibility secret
       */
      token?: string;
    }>;

    /** Timeout of each request to Travis CI, in milliseconds. Default: 10000. */
    requestTimeoutMs?: number;

    /** Rules for trigger, restart and cancel, on top of the permission policy. */
    actions?: {
      /**
       * Whether only owners of an entity may trigger, restart and cancel its
       * builds. Default: true.
       */
      requireOwnership?: boolean;

      /**
       * Whether service principals may trigger, restart and cancel builds.
       * Default: false.
       */
      allowServicePrincipals?: boolean;
    };
  };
}
