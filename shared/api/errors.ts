/** Errors the API maps to 4xx responses; anything else is a generic 500 with no details. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super(404, 'NOT_FOUND', message);
  }
}

export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
  constructor(message: string) {
    super(400, 'BAD_REQUEST', message);
  }
}

export class MethodNotAllowedError extends ApiError {
  override name = 'MethodNotAllowedError';
  constructor() {
    super(405, 'METHOD_NOT_ALLOWED', 'Only GET is supported.');
  }
}
