/** External phrase lists baked into the model's gazetteer at training time (none yet). */
import type { ExternalList } from './train.ts';

export function loadExternalLists(): ExternalList[] {
  return [];
}
