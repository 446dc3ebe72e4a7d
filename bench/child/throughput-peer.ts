/**
 * Throughput child of the peer (forked by `bench/throughput.ts`): compromise's `nlp(text)` + `people()`,
 * `organizations()`, `places()` over the cleaned texts (pass `peer`). Does not load the Annotator pipeline.
 */
import nlp from 'compromise';
import { servePasses } from './passes.ts';

export interface PeerPayload {
  texts: string[];
}

servePasses<PeerPayload>(({ texts }) => ({
  peer: () => {
    for (const text of texts) {
      const doc = nlp(text);
      doc.people().out('array');
      doc.organizations().out('array');
      doc.places().out('array');
    }
  },
}));
