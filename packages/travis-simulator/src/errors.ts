/**
 * A Travis API v3 error response: `{"@type":"error","error_type",...}` with
 * its HTTP status. Route handlers throw it; the dispatcher renders it.
 */
export class TravisApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    readonly errorMessage: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(errorMessage);
  }

  toBody(): Record<string, unknown> {
    return {
      '@type': 'error',
      error_type: this.errorType,
      error_message: this.errorMessage,
      ...this.extra,
    };
  }
}

/** `<type> not found (or insufficient access)`, which Travis also answers for invisible resources. */
export function notFound(resourceType: string): TravisApiError {
  return new TravisApiError(404, 'not_found', `${resourceType} not found (or insufficient access)`, {
    resource_type: resourceType,
  });
}

/** The response for a path that matches no route. */
export function resourceNotFound(): TravisApiError {
  return new TravisApiError(404, 'not_found', 'resource not found (or insufficient access)');
}

export function loginRequired(): TravisApiError {
  return new TravisApiError(403, 'login_required', 'login required');
}

export function wrongCredentials(): TravisApiError {
  return new TravisApiError(403, 'wrong_credentials', 'access denied');
}

export function wrongParams(message: string): TravisApiError {
  return new TravisApiError(400, 'wrong_params', message);
}

export function methodNotAllowed(): TravisApiError {
  return new TravisApiError(405, 'method_not_allowed', 'method not allowed');
}

/** `operation requires <permission> access to <type>`, with the readable resource attached. */
export function insufficientAccess(
  permission: string,
  resourceType: string,
  resource: Record<string, unknown>,
): TravisApiError {
  return new TravisApiError(
    403,
    'insufficient_access',
    `operation requires ${permission} access to ${resourceType}`,
    { resource_type: resourceType, permission, [resourceType]: resource },
  );
}

export function conflict(errorType: string, message: string): TravisApiError {
  return new TravisApiError(409, errorType, message);
}
