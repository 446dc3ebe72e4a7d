/** Readers for the CoNLL-2003 training data (training/evaluation time only: never imported by the pipeline). */
import type { LabelSpan } from '../../shared/pipeline/entities/decoder.ts';
import { ENTITY_TYPES } from '../../shared/pipeline/entities/features.ts';

export interface TrainDoc {
  id: string;
  sentences: string[][];
  /** Entity spans over the document's flat token index. */
  spans: LabelSpan[];
}

const TYPE_INDEX = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));

/**
 * Parse the raw CoNLL format (`word POS chunk IOB1-tag`, blank line between sentences, `-DOCSTART-` between
 * documents). IOB1: `I-X` continues an X entity, `B-X` starts a new one right after another X.
 */
export function parseConll(raw: string, idPrefix = 'doc'): TrainDoc[] {
  const docs: TrainDoc[] = [];
  let doc: TrainDoc | null = null;
  let sent: string[] = [];
  let flat = 0;
  let open: LabelSpan | null = null;
  const closeSpan = (): void => {
    if (open && doc) doc.spans.push(open);
    open = null;
  };
  const endSentence = (): void => {
    closeSpan();
    if (sent.length > 0 && doc) {
      doc.sentences.push(sent);
      flat += sent.length;
    }
    sent = [];
  };
  const newDoc = (): void => {
    endSentence();
    if (doc && doc.sentences.length > 0) docs.push(doc);
    doc = { id: `${idPrefix}-${docs.length + 1}`, sentences: [], spans: [] };
    flat = 0;
  };
  newDoc();
  for (const line of raw.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === '-DOCSTART-') {
      newDoc();
      continue;
    }
    if (parts.length < 2 || parts[0] === '') {
      endSentence();
      continue;
    }
    const word = parts[0]!;
    const tag = parts[parts.length - 1]!;
    const t = flat + sent.length;
    sent.push(word);
    if (tag === 'O') {
      closeSpan();
      continue;
    }
    const [bio, typeName] = tag.split('-') as [string, string];
    const type = TYPE_INDEX.get(typeName);
    if (type === undefined) throw new Error(`unknown tag ${tag}`);
    const cur = open as LabelSpan | null;
    if (bio === 'B' || !cur || cur.type !== type) {
      closeSpan();
      open = { start: t, end: t + 1, type };
    } else {
      cur.end = t + 1;
    }
  }
  newDoc();
  return docs;
}
