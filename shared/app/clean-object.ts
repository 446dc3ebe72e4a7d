/**
 * Use case of the `clean` function: one S3 event on `raw/` → the cleaned object in `cleaned/` (or its removal).
 * The cleaned object carries the outcome (CLEANED, REJECTED or FAILED), so the annotate function is the only
 * writer of the table and every article gets a status.
 */

import { InputRejectedError } from '../errors.ts';
import type { ObjectEvent } from '../events/s3-records.ts';
import { articleIdForKey } from '../ids.ts';
import { clean } from '../pipeline/clean.ts';
import { PIPELINE_VERSION } from '../pipeline/version.ts';
import type { CleanedObject } from '../records.ts';
import type { S3Objects } from '../store/s3-objects.ts';
import { publicReason, stageCrashReason } from './failure-reasons.ts';

export interface CleanDeps {
  objects: S3Objects;
  rawPrefix: string;
  cleanedPrefix: string;
  maxInputBytes: number;
  now?: () => Date;
}

/**
 * `duplicate`: this exact event was already handled (same source sequencer, same pipeline): nothing is rewritten.
 * `failed`: the pure cleaning stage crashed on this input; it is deterministic, so the FAILED outcome is written
 * at once instead of retrying five times.
 */
export type CleanOutcome = 'cleaned' | 'rejected' | 'removed' | 'skipped' | 'duplicate' | 'failed';

export const cleanedKeyFor = (cleanedPrefix: string, articleId: string) => `${cleanedPrefix}${articleId}.json`;

export async function cleanObject(deps: CleanDeps, event: ObjectEvent): Promise<CleanOutcome> {
  if (!event.key.startsWith(deps.rawPrefix) || event.key.endsWith('/')) return 'skipped';
  const articleId = articleIdForKey(event.key);
  const cleanedKey = cleanedKeyFor(deps.cleanedPrefix, articleId);

  if (event.kind === 'removed') {
    // A late delete event must not remove the cleaned output of a newer upload of the same key.
    if (await deps.objects.exists(event.key)) return 'skipped';
    await deps.objects.delete(cleanedKey);
    return 'removed';
  }

  const base = envelope(deps, event, articleId);
  let outcome: CleanedObject['outcome'];
  try {
    const raw = await deps.objects.readRaw(event.key, deps.maxInputBytes);
    if (!raw) return 'skipped'; // deleted since: its removal event cleans up
    if (event.eTag && raw.eTag && stripQuotes(raw.eTag) !== stripQuotes(event.eTag)) return 'skipped'; // a newer upload has its own event
    base.sourceBytes = raw.bytes.byteLength;
    outcome = cleanSafely(raw, event.key, deps.maxInputBytes);
  } catch (error) {
    if (!(error instanceof InputRejectedError)) throw error; // I/O: retried
    outcome = { status: 'REJECTED', code: error.code, reason: error.message };
  }
  const cleaned: CleanedObject = { ...base, outcome };
  // Most events are an article's first: a conditional create writes it without reading anything first. When the
  // key exists (a re-upload, a reprocess, or this very event delivered again), look at what is there.
  const created = await deps.objects.writeCleaned(cleanedKey, cleaned, { onlyIfAbsent: true });
  if (created === false) {
    // Idempotency: a redelivered event whose result is already stored is a no-op (no new write, no annotate event).
    const previous = await deps.objects.readCleaned(cleanedKey).catch(() => null);
    if (
      previous &&
      previous.sourceSequencer === event.sequencer &&
      previous.pipelineVersion === PIPELINE_VERSION &&
      previous.outcome.status !== 'FAILED'
    ) {
      return 'duplicate';
    }
    await deps.objects.writeCleaned(cleanedKey, cleaned);
  }
  return outcome.status === 'CLEANED' ? 'cleaned' : outcome.status === 'REJECTED' ? 'rejected' : 'failed';
}

/** The pure stage, fenced: a rejection stays a rejection, a crash becomes a FAILED outcome with a readable reason. */
function cleanSafely(
  raw: { bytes: Uint8Array; contentType: string | undefined; contentEncoding: string | undefined },
  key: string,
  maxBytes: number,
): CleanedObject['outcome'] {
  try {
    const article = clean(raw.bytes, {
      contentType: raw.contentType,
      contentEncoding: raw.contentEncoding,
      key,
      maxBytes,
    });
    return { status: 'CLEANED', article };
  } catch (error) {
    if (error instanceof InputRejectedError) return { status: 'REJECTED', code: error.code, reason: error.message };
    return { status: 'FAILED', code: 'CLEAN_CRASHED', reason: stageCrashReason('cleaning', error) };
  }
}

/** After the last retry: record why, so the article shows as FAILED instead of vanishing. */
export async function recordCleanFailure(deps: CleanDeps, event: ObjectEvent, error: unknown): Promise<void> {
  if (event.kind !== 'created' || !event.key.startsWith(deps.rawPrefix)) return;
  const articleId = articleIdForKey(event.key);
  await deps.objects.writeCleaned(cleanedKeyFor(deps.cleanedPrefix, articleId), {
    ...envelope(deps, event, articleId),
    outcome: { status: 'FAILED', code: 'CLEAN_FAILED', reason: publicReason(error) },
  });
}

/** Everything a cleaned object says about its source, whatever the outcome. */
function envelope(deps: CleanDeps, event: ObjectEvent, articleId: string): Omit<CleanedObject, 'outcome'> {
  return {
    schemaVersion: 1,
    articleId,
    sourceKey: event.key,
    sourceSequencer: event.sequencer,
    sourceETag: event.eTag,
    sourceBytes: event.size ?? 0,
    cleanedAt: (deps.now?.() ?? new Date()).toISOString(),
    pipelineVersion: PIPELINE_VERSION,
  };
}

function stripQuotes(etag: string): string {
  return etag.replace(/"/g, '');
}
