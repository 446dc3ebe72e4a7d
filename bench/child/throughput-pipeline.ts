/**
 * Throughput child of the Annotator side (forked by `bench/throughput.ts`): `annotate(raw)` over the corpus (pass
 * `pipeline`) and `extractEntities` over the cleaned texts (pass `entities`). Does not load compromise.
 */
import { annotate, extractEntities } from '../../shared/pipeline/annotate.ts';
import { contentTypeFor } from '../corpus.ts';
import { servePasses } from './passes.ts';

export interface PipelinePayload {
  items: { key: string; raw: Uint8Array }[];
  texts: string[];
}

servePasses<PipelinePayload>(({ items, texts }) => ({
  pipeline: () => {
    for (const { key, raw } of items) annotate(raw, { key, contentType: contentTypeFor(key) });
  },
  entities: () => {
    for (const text of texts) extractEntities(text);
  },
}));
