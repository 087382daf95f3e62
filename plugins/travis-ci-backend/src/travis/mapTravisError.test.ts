import { mapTravisError, mapTravisNetworkError } from './mapTravisError';

const CONTEXT = { instanceName: 'default', subject: 'build 42' };

function json(status: number, body: object) {
  return {
    status,
    contentType: 'application/json',
    body: JSON.stringify({ '@type': 'error', ...body }),
  };
}

function statusOf(error: Error): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

describe('mapTravisError', () => {
  it.each([
    [
      'not_found repository',
      json(404, {
        error_type: 'not_found',
        error_message: 'repository not found (or insufficient access)',
        resource_type: 'repository',
      }),
      'NotFoundError',
      'repository-not-found',
    ],
    [
      'not_found build',
      json(404, {
        error_type: 'not_found',
        error_message: 'build not found (or insufficient access)',
        resource_type: 'build',
      }),
      'NotFoundError',
      undefined,
    ],
    [
      'login_required',
      json(403, {
        error_type: 'login_required',
        error_message: 'login required',
      }),
      'BadGatewayError',
      'token-rejected',
    ],
    [
      'wrong_credentials',
      json(403, {
        error_type: 'wrong_credentials',
        error_message: 'access denied',
      }),
      'BadGatewayError',
      'token-rejected',
    ],
    [
      'insufficient_access',
      json(403, {
        error_type: 'insufficient_access',
        error_message: 'operation requires restart access to build',
        permission: 'restart',
      }),
      'NotAllowedError',
      'repository-not-allowed',
    ],
    [
      'log_expired',
      json(403, {
        error_type: 'log_expired',
        error_message: 'this data is not available anymore',
      }),
      'NotAllowedError',
      undefined,
    ],
    [
      'wrong_params',
      json(400, {
        error_type: 'wrong_params',
        error_message: 'limit must be an integer',
      }),
      'InputError',
      undefined,
    ],
    [
      'repository_inactive',
      json(406, {
        error_type: 'repository_inactive',
        error_message: 'cannot create requests on an inactive repository',
      }),
      'ConflictError',
      undefined,
    ],
    [
      'build_already_running',
      json(409, {
        error_type: 'build_already_running',
        error_message: 'build already running, cannot restart',
      }),
      'ConflictError',
      undefined,
    ],
    [
      'job_not_cancelable',
      json(409, {
        error_type: 'job_not_cancelable',
        error_message: 'job is not running, cannot cancel',
      }),
      'ConflictError',
      undefined,
    ],
    [
      'log_already_removed',
      json(409, {
        error_type: 'log_already_removed',
        error_message: 'log has already been removed',
      }),
      'ConflictError',
      undefined,
    ],
    [
      'request_limit_reached',
      json(429, {
        error_type: 'request_limit_reached',
        error_message: 'request limit reached for resource',
        max_requests: 10,
        per_seconds: 3600,
      }),
      'RateLimitedError',
      'rate-limited',
    ],
    [
      'server_error',
      json(500, { error_type: 'server_error', error_message: 'boom' }),
      'BadGatewayError',
      'travis-unavailable',
    ],
    [
      'abuse error',
      json(403, {
        error_type: 'error',
        error_message: 'Abuse detected. Restart disabled.',
      }),
      'NotAllowedError',
      undefined,
    ],
  ])('maps %s', (_name, response, errorName, code) => {
    const error = mapTravisError(response, CONTEXT);

    expect(error.name).toBe(errorName);
    expect((error as { code?: string }).code).toBe(code);
    expect(error.message).not.toMatch(/https?:/);
  });

  it.each([
    ['not_found', 404, 'has no build 42'],
    ['insufficient_access', 403, 'access to build 42'],
    ['build_already_running', 409, 'Build 42 is still running'],
    ['job_not_cancelable', 409, 'Build 42 is not running'],
    ['wrong_params', 400, 'request for build 42'],
  ])('names the resource for %s', (errorType, status, text) => {
    const error = mapTravisError(
      json(status, { error_type: errorType, error_message: 'x' }),
      CONTEXT,
    );

    expect(error.message).toContain(text);
  });

  it('maps the HTML access denied answer to token-rejected', () => {
    const error = mapTravisError(
      {
        status: 403,
        contentType: 'text/html;charset=utf-8',
        body: 'access denied',
      },
      CONTEXT,
    );

    expect(error.name).toBe('BadGatewayError');
    expect(statusOf(error)).toBe(502);
    expect((error as { code?: string }).code).toBe('token-rejected');
    expect(error.message).toContain('Travis CI instance "default"');
  });

  it('maps the text 429 with the default retry delay', () => {
    const error = mapTravisError(
      { status: 429, contentType: 'text/plain', body: 'Retry later\n' },
      CONTEXT,
    );

    expect(statusOf(error)).toBe(429);
    expect(error).toMatchObject({
      code: 'rate-limited',
      retryAfterSeconds: 60,
    });
  });

  it.each([
    ['30', 30],
    ['0', 1],
    ['soon', 60],
  ])('reads Retry-After %s', (retryAfter, seconds) => {
    const error = mapTravisError(
      {
        status: 429,
        contentType: 'text/plain',
        body: 'Retry later\n',
        retryAfter,
      },
      CONTEXT,
    );

    expect(error).toMatchObject({ retryAfterSeconds: seconds });
  });

  it('reads Retry-After as an HTTP date', () => {
    const retryAfter = new Date(Date.now() + 90_000).toUTCString();

    const error = mapTravisError(
      { status: 429, contentType: 'text/plain', body: '', retryAfter },
      CONTEXT,
    );

    const seconds = (error as unknown as { retryAfterSeconds: number })
      .retryAfterSeconds;
    expect(seconds).toBeGreaterThanOrEqual(88);
    expect(seconds).toBeLessThanOrEqual(91);
  });

  it('maps the text 500 page to travis-unavailable', () => {
    const error = mapTravisError(
      {
        status: 500,
        contentType: 'text/plain',
        body: 'Sorry, we experienced an error.',
      },
      CONTEXT,
    );

    expect(statusOf(error)).toBe(502);
    expect(error).toMatchObject({ code: 'travis-unavailable' });
  });

  it('keeps the status code out of the serialized error', () => {
    const error = mapTravisError(
      { status: 429, contentType: 'text/plain', body: '' },
      CONTEXT,
    );

    expect(Object.keys(error)).not.toContain('statusCode');
  });
});

describe('mapTravisNetworkError', () => {
  it('maps a timeout', () => {
    const error = mapTravisNetworkError({ code: 'ECONNABORTED' }, CONTEXT, 250);

    expect(error.name).toBe('ServiceUnavailableError');
    expect(error).toMatchObject({ code: 'travis-unavailable' });
    expect(error.message).toContain('timed out after 250 ms');
  });

  it('maps a refused connection', () => {
    const error = mapTravisNetworkError({ code: 'ECONNREFUSED' }, CONTEXT, 250);

    expect(error.message).toContain('could not be reached');
    expect(error.message).toContain('ECONNREFUSED');
  });
});
