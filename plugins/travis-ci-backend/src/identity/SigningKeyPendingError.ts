import { CustomErrorBase } from '@backstage/errors';

/**
 * No workload identity key may sign yet, because the newest key has not
 * been published for the full publish delay. Retrying after
 * `retryAfterSeconds` succeeds unless the replica stops.
 */
export class SigningKeyPendingError extends CustomErrorBase {
  name = 'SigningKeyPendingError' as const;
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
