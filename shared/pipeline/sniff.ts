/**
 * Format detection from the decoded content. The content type and the file extension are hints only: an HTML
 * page saved as `.txt` is HTML, plain prose saved as `.html` is text.
 */
import type { SourceFormat } from './types.ts';

export interface SniffHints {
  contentType?: string | undefined;
  key?: string | undefined;
}

const HTML_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article)\b/i;
const HTML_TAG =
  /<\/?(?:p|div|span|a|br|html|head|body|article|section|h[1-6]|ul|ol|li|table|tr|td|img|script|style|meta|link|em|strong|b|i|blockquote|figure|header|footer|nav|main)\b[^<>]*>/gi;
const MD_SIGNALS: RegExp[] = [
  /^#{1,6}\s+\S/m,
  /^\s{0,3}[-*+]\s+\S/m,
  /\[[^\]\n]+\]\([^)\s]+\)/,
  /(?:\*\*|__)[^*_\n]+(?:\*\*|__)/,
  /^>\s+\S/m,
  /^```/m,
  /^\s{0,3}\d+\.\s+\S/m,
  /^---\n[\s\S]*?\n---\n/,
  /!\[[^\]]*\]\([^)]+\)/,
];

function hintFormat(hints: SniffHints): SourceFormat | null {
  const ext = /\.([a-z0-9]+)(?:\.gz)?$/i.exec(hints.key ?? '')?.[1]?.toLowerCase();
  const type = (hints.contentType ?? '').toLowerCase();
  if (ext === 'md' || ext === 'markdown' || type.includes('markdown')) return 'markdown';
  if (ext === 'json' || type.includes('json')) return 'json';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || type.includes('html')) return 'html';
  if (ext === 'txt' || ext === 'text' || type.startsWith('text/plain')) return 'text';
  return null;
}

/** True when the string parses as a JSON object carrying an article body. */
export function looksLikeJsonArticle(text: string): boolean {
  const t = text.trimStart();
  if (!t.startsWith('{')) return false;
  try {
    const v = JSON.parse(t) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** Decides the format of decoded text. */
export function sniffFormat(text: string, hints: SniffHints = {}): SourceFormat {
  const hint = hintFormat(hints);
  const head = text.slice(0, 65536);
  if (looksLikeJsonArticle(text)) return 'json';
  if (HTML_START.test(head)) return 'html';
  const tags = head.match(HTML_TAG)?.length ?? 0;
  // A fragment of HTML (`<p>…</p><p>…</p>`) without a document wrapper.
  if (tags >= 2 && (/^\s*</.test(head) || tags / nonBlankLines(head) >= 0.5)) return 'html';
  if (hint === 'html' && tags >= 1) return 'html';
  if (hint === 'markdown') return 'markdown';
  // Two Markdown signals decide: the search stops at the second.
  let md = 0;
  for (const re of MD_SIGNALS) if (re.test(head) && ++md >= 2) return 'markdown';
  return 'text';
}

/** Lines with something other than whitespace (at least 1). */
function nonBlankLines(text: string): number {
  return text.split('\n').filter((l) => l.trim()).length || 1;
}
