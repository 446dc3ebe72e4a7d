/**
 * Named errors. `InputRejectedError` and its subclasses mean "we will not process this input" (status
 * REJECTED, no retry); anything else is a failure that is retried and, when retries run out, recorded FAILED.
 */
export class InputRejectedError extends Error {
  override name = 'InputRejectedError';
  constructor(
    /** Stable machine-readable code, e.g. `EMPTY`, `UNSUPPORTED_FORMAT`, `TOO_LARGE`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class EmptyArticleError extends InputRejectedError {
  override name = 'EmptyArticleError';
  constructor(message = 'The file contains no article text.') {
    super('EMPTY', message);
  }
}

export class UnsupportedFormatError extends InputRejectedError {
  override name = 'UnsupportedFormatError';
  constructor(message: string) {
    super('UNSUPPORTED_FORMAT', message);
  }
}

export class InputTooLargeError extends InputRejectedError {
  override name = 'InputTooLargeError';
  constructor(limitBytes: number, what = 'The file') {
    super('TOO_LARGE', `${what} is larger than the ${limitBytes}-byte limit.`);
  }
}

export class DecodeError extends InputRejectedError {
  override name = 'DecodeError';
  constructor(message: string) {
    super('UNDECODABLE', message);
  }
}
