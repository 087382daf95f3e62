import { mockServices } from '@backstage/backend-test-utils';

type AuditorMock = ReturnType<typeof mockServices.auditor.mock>;

/**
 * Serializes every audit event that a test auditor received: the options
 * of each `createEvent` and the arguments of each `success` and `fail`.
 *
 * `JSON.stringify` leaves out an error's `message` and `cause`, because
 * they are not enumerable, so errors are written out field by field. A
 * token in an audited error's message, fields or causes shows up here.
 */
export async function auditText(auditor: AuditorMock): Promise<string> {
  const events = await Promise.all(
    auditor.createEvent.mock.results.map(async result => {
      const event = await result.value;
      return {
        success: event.success.mock.calls,
        fail: event.fail.mock.calls,
      };
    }),
  );

  return JSON.stringify(
    toPlain({
      created: auditor.createEvent.mock.calls.map(([options]) => ({
        ...options,
        // The express request is large and holds only the test's input.
        request: undefined,
      })),
      events,
    }),
  );
}

// Stacks are left out because they repeat the message and file paths.
function toPlain(value: unknown, seen = new Set<unknown>()): unknown {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (seen.has(value)) {
    return '[circular]';
  }
  seen.add(value);

  if (Array.isArray(value)) {
    return value.map(item => toPlain(item, seen));
  }

  const plain: Record<string, unknown> = {};
  if (value instanceof Error) {
    plain.name = value.name;
    plain.message = value.message;
    if (value.cause !== undefined) {
      plain.cause = toPlain(value.cause, seen);
    }
  }
  for (const [key, field] of Object.entries(value)) {
    if (key !== 'stack') {
      plain[key] = toPlain(field, seen);
    }
  }
  return plain;
}
