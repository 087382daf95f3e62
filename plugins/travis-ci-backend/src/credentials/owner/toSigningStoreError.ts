import { isError } from '@backstage/errors';
import { SigningKeyPendingError } from '../../identity/SigningKeyPendingError';
import { SecretStoreError } from './OwnerSecretStore';

/**
 * Converts a failure to sign the workload identity token for a store login
 * into an `unavailable` store error, which carries the time to retry when
 * the issuer's key is not active yet.
 *
 * @param target - What the token was for, e.g. `the Vault login`.
 */
export function toSigningStoreError(
  target: string,
  error: unknown,
): SecretStoreError {
  const message = `Signing the workload identity token for ${target} failed: ${
    isError(error) ? error.message : String(error)
  }`;

  return new SecretStoreError('unavailable', message, {
    retryAfterSeconds:
      error instanceof SigningKeyPendingError
        ? error.retryAfterSeconds
        : undefined,
  });
}
