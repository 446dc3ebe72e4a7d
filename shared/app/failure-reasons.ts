/**
 * The reasons recorded on a FAILED article: one line for the API and the viewer, with no stack frames, paths or
 * internals. Shared by the clean and annotate use cases (without pulling the cleaning stage into annotate).
 */

/** A readable reason for a crash of a pure stage (deterministic: retrying would crash again). */
export function stageCrashReason(stage: string, error: unknown): string {
  const kind = error instanceof Error ? error.name : 'unknown error';
  const detail = error instanceof Error ? sanitize(error.message) : '';
  return `The ${stage} stage could not process this input (${kind}${detail ? `: ${detail}` : ''}).`.slice(0, 500);
}

/**
 * A reason safe to show users after the retries ran out: what went wrong in words, with the error's message
 * stripped of file paths and stack frames (never a stack, never a path).
 */
export function publicReason(error: unknown): string {
  if (!(error instanceof Error)) return 'Processing failed for an unknown reason after every retry.';
  if (error.name === 'AttemptsExhaustedError') return error.message;
  const detail = sanitize(error.message);
  const unreachable = NETWORK_ERROR.test(`${error.name} ${detail}`);
  const refused = !unreachable && (error as { $metadata?: unknown }).$metadata !== undefined;
  const what = unreachable
    ? 'A storage service (S3 or DynamoDB) could not be reached'
    : refused
      ? 'A storage service (S3 or DynamoDB) refused a request'
      : 'Processing kept failing';
  return `${what}, so the article was not processed after every retry (${error.name}${detail ? `: ${detail}` : ''}).`.slice(
    0,
    500,
  );
}

const NETWORK_ERROR = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|socket hang up|TimeoutError|NetworkingError/i;

/** One line, no stack frames, no file system paths or URLs with paths. */
function sanitize(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/\s+at\s.*$/, '')
    .replace(/(?:file:\/\/|\/)[\w.@~-]+(?:\/[\w.@~-]+)+/g, '<path>')
    .replace(/[A-Z]:\\[\w\\. -]+/g, '<path>')
    .trim()
    .slice(0, 300);
}
