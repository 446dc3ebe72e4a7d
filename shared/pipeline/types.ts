/**
 * The contracts between the pure pipeline stages. Every offset is a JS string index (UTF-16 code unit)
 * into `CleanArticle.text`, half-open: `text.slice(start, end)`.
 */

export type SourceFormat = 'text' | 'html' | 'markdown' | 'json';

export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  /** `heading` for sub-headings kept in the body, `body` otherwise. */
  kind: 'body' | 'heading';
}

/** A block the cleaner dropped, kept so users can see what was removed and why. */
export interface RemovedBlock {
  text: string;
  /** Short machine-friendly reason, e.g. `caption`, `photo-credit`, `author-bio`, `newsletter`, `share-bar`. */
  reason: string;
}

export interface CleanArticle {
  /** Body paragraphs separated by exactly one blank line ("\n\n"); no leading/trailing whitespace. */
  text: string;
  paragraphs: Paragraph[];
  title: string | null;
  byline: string | null;
  authors: string[];
  /** The dateline place, e.g. `STUTTGART, Germany`. It stays in `text` when it opens the first paragraph. */
  dateline: string | null;
  /** ISO 8601 date or date-time when the source states one. */
  publishedAt: string | null;
  url: string | null;
  /** ISO 639-1 code when detected, else null. */
  language: string | null;
  format: SourceFormat;
  boilerplate: RemovedBlock[];
  warnings: string[];
}

export interface CleanOptions {
  /** S3 Content-Type of the object, if any (may be wrong: content is sniffed). */
  contentType?: string | undefined;
  /** S3 Content-Encoding of the object, if any (e.g. `gzip`). */
  contentEncoding?: string | undefined;
  /** Object key or file name (extension is a hint only). */
  key?: string | undefined;
  /** Reject inputs larger than this many bytes, compressed or decompressed. Default 5 MiB. */
  maxBytes?: number | undefined;
}

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'LOCATION' | 'MISC';

/** One tagged occurrence in the text (tagger output, before resolution). */
export interface Mention extends Span {
  text: string;
  type: EntityType;
}

/** One real-world thing in an article with all its mentions. */
export interface Entity {
  /** Unique within the article (stable for the same text), e.g. `PERSON:victoria-nuland`. */
  id: string;
  /** Canonical name: the longest full form seen. */
  name: string;
  type: EntityType;
  /** Other surface forms seen (surnames, acronyms), canonical name excluded. */
  aliases: string[];
  mentions: Array<Span & { text: string }>;
  count: number;
  /** Offset of the first mention. */
  firstStart: number;
  /** 0..1, how central the entity is to the article. */
  salience: number;
}

export type QuoteType = 'direct' | 'partial' | 'indirect';
export type SpeakerType = 'person' | 'organization' | 'nominal' | 'pronoun' | 'unknown';

export interface Quote extends Span {
  /** The quoted content without the quote marks: `text === cleanText.slice(start, end)`. */
  text: string;
  /** Canonical speaker (an entity's name when resolved), null when unattributed. */
  speaker: string | null;
  /** The speaker as written next to the quote ("she", "Nuland", "the spokeswoman"). */
  speakerMention: (Span & { text: string }) | null;
  speakerEntityId: string | null;
  speakerType: SpeakerType;
  /** Lemma of the speech verb ("say", "tell", "add", "according to"). */
  verb: string | null;
  type: QuoteType;
  /** 0..1 */
  confidence: number;
}

export interface Annotations {
  entities: Entity[];
  quotes: Quote[];
}

export interface AnnotatedArticle extends Annotations {
  article: CleanArticle;
  /** What the annotation stages could not do for this article (a language they are not written for). */
  warnings: string[];
  wordCount: number;
  pipelineVersion: string;
  modelVersion: string;
}
