import { LoggerService } from '@backstage/backend-plugin-api';
import {
  GetSecretValueCommand,
  SecretsManagerClient,
  SecretsManagerClientConfig,
} from '@aws-sdk/client-secrets-manager';
import {
  AssumeRoleWithWebIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { createHash } from 'node:crypto';
import { WorkloadIdentityIssuer } from '../../identity/WorkloadIdentityIssuer';
import {
  OwnerSecretReadRequest,
  OwnerSecretStore,
  SecretStoreError,
  SecretStoreErrorKind,
} from '../owner/OwnerSecretStore';
import { toSigningStoreError } from '../owner/toSigningStoreError';

/** Source of the store's AWS credentials. */
export type AwsAuth =
  | { method: 'default' }
  | {
      method: 'webIdentity';
      roleArn: string;
      audience: string;
      sessionDurationSeconds: number;
      /** STS endpoint override, e.g. a VPC endpoint; default: the regional endpoint. */
      stsEndpoint?: string;
      issuer: WorkloadIdentityIssuer;
    };

interface OwnerSession {
  client: SecretsManagerClient;
  /** Epoch ms after which the session is renewed. */
  renewAfter: number;
}

// Sessions are renewed this long before AWS lets them expire.
const SESSION_RENEW_MARGIN_MS = 60_000;

// Retries of throttled or failing calls; the owner cache serves stale
// tokens during longer outages.
const MAX_ATTEMPTS = 2;

/**
 * Reads owners' secrets from AWS Secrets Manager, at `<prefix>/<owner slug>`.
 *
 * With the default credential chain one AWS identity reads every owner's
 * secret. With web identity every owner gets its own STS session, assumed
 * with a workload identity token whose `sub` and `owner` session tag are
 * the owner slug, so an IAM policy on `${aws:PrincipalTag/owner}` confines
 * each session to that owner's secret.
 */
export class AwsSecretsManagerStore implements OwnerSecretStore {
  readonly #region: string;
  readonly #endpoint?: string;
  readonly #prefix: string;
  readonly #auth: AwsAuth;
  readonly #timeoutMs: number;
  readonly #logger: LoggerService;
  readonly #sessions = new Map<string, OwnerSession>();
  #defaultClient?: SecretsManagerClient;
  #stsClient?: STSClient;

  constructor(options: {
    region: string;
    endpoint?: string;
    prefix: string;
    auth: AwsAuth;
    timeoutMs: number;
    logger: LoggerService;
  }) {
    this.#region = options.region;
    this.#endpoint = options.endpoint;
    this.#prefix = options.prefix;
    this.#auth = options.auth;
    this.#timeoutMs = options.timeoutMs;
    this.#logger = options.logger;
  }

  readonly kind = 'AWS Secrets Manager';

  get description(): string {
    return `AWS Secrets Manager in ${this.#region}`;
  }

  secretPath(ownerSlug: string): string {
    return `${this.#prefix}/${ownerSlug}`;
  }

  async read(request: OwnerSecretReadRequest) {
    const secretId = this.secretPath(request.ownerSlug);
    const client = await this.#client(request);

    let output;
    try {
      output = await client.send(
        new GetSecretValueCommand({ SecretId: secretId }),
      );
    } catch (error) {
      throw toStoreError(`GetSecretValue of ${secretId}`, error);
    }

    if (output.SecretString === undefined) {
      throw new SecretStoreError(
        'invalid',
        `the secret ${secretId} has no SecretString; store the JSON value as a string`,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(output.SecretString);
    } catch {
      throw new SecretStoreError(
        'invalid',
        `the SecretString of ${secretId} (version ${output.VersionId}) is not JSON`,
      );
    }
    return { value, version: output.VersionId ?? 'unknown' };
  }

  async #client(
    request: OwnerSecretReadRequest,
  ): Promise<SecretsManagerClient> {
    const auth = this.#auth;
    if (auth.method === 'default') {
      this.#defaultClient ??= this.#secretsManagerClient();
      return this.#defaultClient;
    }

    const session = this.#sessions.get(request.ownerSlug);
    if (session && Date.now() < session.renewAfter) {
      return session.client;
    }

    const fresh = await this.#assumeRole(request, auth);
    this.#sessions.set(request.ownerSlug, fresh);
    return fresh.client;
  }

  async #assumeRole(
    request: OwnerSecretReadRequest,
    auth: Extract<AwsAuth, { method: 'webIdentity' }>,
  ): Promise<OwnerSession> {
    let webIdentityToken: string;
    try {
      webIdentityToken = await auth.issuer.issue({
        audience: auth.audience,
        ownerRef: request.ownerRef,
        ownerSlug: request.ownerSlug,
        entityRef: request.entityRef,
        repository: request.repository,
        extra: {
          'https://aws.amazon.com/tags': {
            principal_tags: { owner: [request.ownerSlug] },
            transitive_tag_keys: ['owner'],
          },
        },
      });
    } catch (error) {
      throw toSigningStoreError('STS', error);
    }

    this.#stsClient ??= new STSClient({
      region: this.#region,
      endpoint: auth.stsEndpoint,
      maxAttempts: MAX_ATTEMPTS,
      requestHandler: {
        requestTimeout: this.#timeoutMs,
        connectionTimeout: this.#timeoutMs,
      },
    });

    let output;
    try {
      output = await this.#stsClient.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: auth.roleArn,
          RoleSessionName: roleSessionName(request.ownerSlug),
          WebIdentityToken: webIdentityToken,
          DurationSeconds: auth.sessionDurationSeconds,
        }),
      );
    } catch (error) {
      throw toStoreError(`AssumeRoleWithWebIdentity of ${auth.roleArn}`, error);
    }

    const credentials = output.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
      throw new SecretStoreError(
        'invalid',
        `AssumeRoleWithWebIdentity of ${auth.roleArn} returned no credentials`,
      );
    }
    const expiresAt =
      credentials.Expiration?.getTime() ??
      Date.now() + auth.sessionDurationSeconds * 1000;
    this.#logger.info(
      `Assumed ${output.AssumedRoleUser?.Arn ?? auth.roleArn} for owner ${
        request.ownerRef
      } until ${new Date(expiresAt).toISOString()}`,
    );

    return {
      client: this.#secretsManagerClient({
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
        expiration: credentials.Expiration,
      }),
      renewAfter: expiresAt - SESSION_RENEW_MARGIN_MS,
    };
  }

  #secretsManagerClient(
    credentials?: SecretsManagerClientConfig['credentials'],
  ) {
    return new SecretsManagerClient({
      region: this.#region,
      endpoint: this.#endpoint,
      credentials,
      maxAttempts: MAX_ATTEMPTS,
      requestHandler: {
        requestTimeout: this.#timeoutMs,
        connectionTimeout: this.#timeoutMs,
      },
    });
  }
}

// RoleSessionName allows [\w+=,.@-] and at most 64 characters; owner slugs
// use a subset, and long ones are shortened to a hash.
function roleSessionName(ownerSlug: string): string {
  const name = `travis-${ownerSlug}`;
  if (name.length <= 64) {
    return name;
  }
  return `travis-${createHash('sha256')
    .update(ownerSlug)
    .digest('hex')
    .slice(0, 40)}`;
}

const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'InvalidIdentityTokenException',
  'ExpiredTokenException',
  'IDPRejectedClaimException',
]);
const UNAVAILABLE = new Set([
  'IDPCommunicationErrorException',
  'InternalServiceError',
  'InternalFailure',
  'ServiceUnavailable',
  'ThrottlingException',
  'Throttling',
  'TimeoutError',
  'RequestTimeout',
]);

function toStoreError(operation: string, error: unknown): SecretStoreError {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const meta = (
    error as { $metadata?: { httpStatusCode?: number }; $fault?: string }
  )?.$metadata;
  const fault = (error as { $fault?: string })?.$fault;

  let kind: SecretStoreErrorKind;
  if (name === 'ResourceNotFoundException') {
    kind = 'not-found';
  } else if (DENIED.has(name)) {
    kind = 'denied';
  } else if (
    UNAVAILABLE.has(name) ||
    fault === 'server' ||
    meta?.httpStatusCode === undefined ||
    meta.httpStatusCode >= 500
  ) {
    // Without an HTTP status the request got no response.
    kind = 'unavailable';
  } else {
    kind = 'invalid';
  }
  return new SecretStoreError(kind, `${operation} failed: ${name}: ${message}`);
}
