export interface Config {
  /**
   * Travis CI instances and action rules of the Travis CI backend plugin.
   * Required: without this section the backend stops at start-up with an
   * error naming the `travisci` key.
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

    /**
     * Where the backend gets each entity's Travis CI token. Without this
     * section, every instance uses its configured `token`.
     */
    credentials?: {
      /**
       * `static` (default): instance tokens, optionally one token per owner.
       * `vault`: one secret per owner in a Vault or OpenBao KV v2 mount.
       * `aws-secrets-manager`: one secret per owner in AWS Secrets Manager.
       * A store secret is JSON: `{ "token": "...", "repositories": ["acme/*"] }`
       * with an optional `"instance"` naming the Travis CI instance.
       */
      provider?: 'static' | 'vault' | 'aws-secrets-manager';

      /** Per-owner cache of store secrets. */
      cache?: {
        /** Age in seconds after which a cached secret is read again. Default: 300. */
        softTtlSeconds?: number;
        /**
         * Age in seconds up to which a cached secret keeps serving while the
         * store is unavailable. Default: 3600.
         */
        maxAgeSeconds?: number;
        /**
         * Seconds between store reads for an owner whose token Travis CI
         * rejected while the store still contains it. Default: 30.
         */
        rejectedRecheckSeconds?: number;
      };

      /** Owner tokens for the `static` provider. */
      static?: {
        /** Tokens by owner; owners not listed use the instance token. */
        owners?: Array<{
          /** The owner entity ref, e.g. `group:default/team-a`. */
          ownerRef: string;
          /**
           * The owner's Travis CI API token.
           * @visibility secret
           */
          token: string;
          /** Repository patterns such as `acme/*`; default: every repository. */
          repositories?: string[];
        }>;
      };

      /** HashiCorp Vault or OpenBao, for the `vault` provider. */
      vault?: {
        /** Vault address, e.g. https://vault.example.com. */
        baseUrl: string;
        /** Vault Enterprise or OpenBao namespace, sent as X-Vault-Namespace. */
        namespace?: string;
        /** KV v2 mount. Default: secret. */
        kvMount?: string;
        /** Path prefix in the mount; secrets live at `<prefix>/<owner slug>`. Default: travis. */
        prefix?: string;
        /** Timeout of each Vault request, in milliseconds. Default: 5000. */
        timeoutMs?: number;
        /** How the backend logs in at Vault. */
        auth: {
          /**
           * `token`: a configured Vault token. `kubernetes`: the pod's service
           * account token. `jwt`: a workload identity token per owner, signed
           * by this plugin.
           */
          method: 'token' | 'kubernetes' | 'jwt';
          /**
           * Vault token for the `token` method.
           * @visibility secret
           */
          token?: string;
          /** Auth mount path. Default: kubernetes or jwt, after the method. */
          mount?: string;
          /** Vault role for the `kubernetes` and `jwt` methods. */
          role?: string;
          /**
           * Service account token file for the `kubernetes` method.
           * Default: /var/run/secrets/kubernetes.io/serviceaccount/token.
           */
          tokenPath?: string;
          /** `aud` of the workload identity token, bound by the Vault role. Required for `jwt`. */
          audience?: string;
        };
      };

      /** AWS Secrets Manager, for the `aws-secrets-manager` provider. */
      awsSecretsManager?: {
        /** AWS region, e.g. eu-west-1. */
        region: string;
        /** Secrets Manager endpoint override, e.g. a VPC endpoint. */
        endpoint?: string;
        /** Secret name prefix; secrets are named `<prefix>/<owner slug>`. Default: travis. */
        prefix?: string;
        /** Timeout of each AWS request, in milliseconds. Default: 5000. */
        timeoutMs?: number;
        auth?: {
          /**
           * `default` (default): the AWS SDK default credential chain.
           * `webIdentity`: a role assumed per owner with a workload identity
           * token signed by this plugin.
           */
          method?: 'default' | 'webIdentity';
          /** Role to assume, for `webIdentity`. */
          roleArn?: string;
          /** `aud` of the workload identity token. Default: sts.amazonaws.com. */
          audience?: string;
          /** STS session length in seconds, 900 to 43200. Default: 900. */
          sessionDurationSeconds?: number;
          /** STS endpoint override. */
          stsEndpoint?: string;
        };
      };

      /**
       * Keys and tokens of the workload identity issuer, which Vault `jwt`
       * auth and AWS `webIdentity` use.
       */
      workloadIdentity?: {
        /** Minutes each signing key signs before the next takes over. Default: 60. */
        keyLifetimeMinutes?: number;
        /**
         * Seconds a new key is published before it signs; also the JWKS
         * Cache-Control max-age. Default: 60.
         */
        publishDelaySeconds?: number;
        /** Lifetime of each token in seconds, 10 to 120. Default: 90. */
        tokenLifetimeSeconds?: number;
        /** Seconds verifiers accept a token after it expires. Default: 150. */
        verifierLeewaySeconds?: number;
      };
    };

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
