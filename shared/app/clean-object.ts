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

export interface CleanDeps {
  objects: S3Objects;
  rawPrefix: string;
  cleanedPrefix: string;
  maxInputBytes: number;
  now?: () => Date;
}

export type CleanOutcome = 'cleaned' | 'rejected' | 'removed' | 'skipped';

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

  const base = {
    schemaVersion: 1 as const,
    articleId,
    sourceKey: event.key,
    sourceSequencer: event.sequencer,
    sourceETag: event.eTag,
    sourceBytes: event.size ?? 0,
    cleanedAt: (deps.now?.() ?? new Date()).toISOString(),
    pipelineVersion: PIPELINE_VERSION,
  };
  let outcome: CleanedObject['outcome'];
  try {
    const raw = await deps.objects.readRaw(event.key, deps.maxInputBytes);
    if (!raw) return 'skipped'; // deleted since: its removal event cleans up
    if (event.eTag && raw.eTag && stripQuotes(raw.eTag) !== stripQuotes(event.eTag)) return 'skipped'; // a newer upload has its own event
    base.sourceBytes = raw.bytes.byteLength;
    const article = clean(raw.bytes, {
      contentType: raw.contentType,
      contentEncoding: raw.contentEncoding,
      key: event.key,
      maxBytes: deps.maxInputBytes,
    });
    outcome = { status: 'CLEANED', article };
  } catch (error) {
    if (!(error instanceof InputRejectedError)) throw error;
    outcome = { status: 'REJECTED', code: error.code, reason: error.message };
  }
  await deps.objects.writeCleaned(cleanedKey, { ...base, outcome });
  return outcome.status === 'CLEANED' ? 'cleaned' : 'rejected';
}

/** After the last retry: record why, so the article shows as FAILED instead of vanishing. */
export async function recordCleanFailure(deps: CleanDeps, event: ObjectEvent, error: unknown): Promise<void> {
  if (event.kind !== 'created' || !event.key.startsWith(deps.rawPrefix)) return;
  const articleId = articleIdForKey(event.key);
  await deps.objects.writeCleaned(cleanedKeyFor(deps.cleanedPrefix, articleId), {
    schemaVersion: 1,
    articleId,
    sourceKey: event.key,
    sourceSequencer: event.sequencer,
    sourceETag: event.eTag,
    sourceBytes: event.size ?? 0,
    cleanedAt: (deps.now?.() ?? new Date()).toISOString(),
    pipelineVersion: PIPELINE_VERSION,
    outcome: { status: 'FAILED', code: 'CLEAN_FAILED', reason: publicReason(error) },
  });
}

/** A reason safe to show users: the error's class and message, never a stack. */
export function publicReason(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return 'Unknown error';
}

function stripQuotes(etag: string): string {
  return etag.replace(/"/g, '');
}
