import { OwnerCredentialsCacheOptions } from '../owner/OwnerScopedCredentialsProvider';
import { WorkloadIdentityTimings } from '../../identity/WorkloadIdentityIssuer';

/** A statically configured owner token. */
export interface StaticOwnerToken {
  ownerRef: string;
  token: string;
  /** Repository patterns; undefined allows every repository. */
  repositories?: string[];
}

/** Vault or OpenBao settings. */
export interface VaultProviderConfig {
  baseUrl: string;
  namespace?: string;
  kvMount: string;
  prefix: string;
  timeoutMs: number;
  auth:
    | { method: 'token'; token: string }
    | { method: 'kubernetes'; mount: string; role: string; tokenPath: string }
    | { method: 'jwt'; mount: string; role: string; audience: string };
}

/** AWS Secrets Manager settings. */
export interface AwsProviderConfig {
  region: string;
  endpoint?: string;
  prefix: string;
  timeoutMs: number;
  auth:
    | { method: 'default' }
    | {
        method: 'webIdentity';
        roleArn: string;
        audience: string;
        sessionDurationSeconds: number;
        stsEndpoint?: string;
      };
}

/** The `travisci.credentials` configuration after validation and defaults. */
export type CredentialsConfig = {
  cache: OwnerCredentialsCacheOptions;
  workloadIdentity: WorkloadIdentityTimings;
} & (
  | { provider: 'static'; owners: StaticOwnerToken[] }
  | { provider: 'vault'; vault: VaultProviderConfig }
  | { provider: 'aws-secrets-manager'; aws: AwsProviderConfig }
);
