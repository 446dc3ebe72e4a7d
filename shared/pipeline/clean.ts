/**
 * The `clean` stage: raw bytes (any supported kind and encoding) → `CleanArticle`.
 *   decode (gzip, charset, NFC; rejects binary/empty/too large) → sniff the format from the content →
 *   the format's cleaner (HTML, text, Markdown, JSON) → assemble text, paragraph offsets and metadata.
 * Pure and deterministic. Input we will not process raises an `InputRejectedError` subclass; any other
 * failure inside a cleaner is turned into a `DecodeError` with a readable message, never a raw exception.
 */
import { InputRejectedError, UnsupportedFormatError } from '../errors.ts';
import { assemble } from './clean-common.ts';
import { cleanHtml } from './clean-html.ts';
import { cleanJson } from './clean-json.ts';
import { cleanText } from './clean-text.ts';
import { decode } from './decode.ts';
import { sniffFormat } from './sniff.ts';
import type { CleanArticle, CleanOptions } from './types.ts';

export function clean(raw: Uint8Array | string, options: CleanOptions = {}): CleanArticle {
  const decoded = decode(raw, options);
  const format = sniffFormat(decoded.text, options);
  try {
    const result =
      format === 'html'
        ? cleanHtml(decoded.text)
        : format === 'json'
          ? cleanJson(decoded.text)
          : cleanText(decoded.text, format === 'markdown');
    return assemble(result.blocks, result.meta, format, result.boilerplate, [...decoded.warnings, ...result.warnings]);
  } catch (err) {
    if (err instanceof InputRejectedError) throw err;
    // Defensive: a cleaner bug on odd input must still surface as a named rejection with a message.
    const detail = err instanceof Error ? err.message : String(err);
    throw new UnsupportedFormatError(`The ${format} content could not be cleaned (${detail}).`);
  }
}
