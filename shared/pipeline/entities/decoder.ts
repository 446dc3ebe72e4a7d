/**
 * Greedy left-to-right decoding with a linear model, and BILOU labels → spans. Shared by training and run time.
 */

import { BOS_LABEL, type DocFeatures, dynamicFeatures, labelPos, labelType, N_LABELS } from './features.ts';
import type { U32Lookup } from './hashtable.ts';

/** Feature hash → row. */
export { U32Map as FeatureIndex } from './hashtable.ts';

/** Linear weights: `rows` maps a feature hash to its row; row r holds N_LABELS weights at w[r*N_LABELS ..]. */
export interface WeightTable {
  rows: U32Lookup;
  w: ArrayLike<number>;
}

/**
 * Called after each prediction (training updates the weights here); may return the label the history should
 * continue with (teacher forcing), else the prediction is used.
 */
export type TokenHook = (t: number, dyn: Uint32Array, nDyn: number, predicted: number) => number | undefined;

const MAX_DYN = 16;

function addRow(scores: Float64Array, w: ArrayLike<number>, base: number): void {
  for (let l = 0; l < N_LABELS; l++) scores[l]! += w[base + l]!;
}

/** Tag every token of a document; returns one label per token. */
export function greedyDecode(d: DocFeatures, table: WeightTable, hook?: TokenHook): Uint8Array {
  const labels = new Uint8Array(d.n);
  const scores = new Float64Array(N_LABELS);
  const dyn = new Uint32Array(MAX_DYN);
  const memory = new Map<string, number>();
  const { rows } = table;
  let p1 = BOS_LABEL;
  let p2 = BOS_LABEL;
  for (let t = 0; t < d.n; t++) {
    if (d.first[t]) {
      p1 = BOS_LABEL;
      p2 = BOS_LABEL;
    }
    const key = d.key[t]!;
    const mem = d.upper[t] ? (memory.get(key) ?? 0) : -1;
    const nDyn = dynamicFeatures(d, t, p1, p2, mem, dyn);
    scores.fill(0);
    const w = table.w; // re-read: training may grow the arrays inside the hook
    for (let k = d.off[t]!, end = d.off[t + 1]!; k < end; k++) {
      const r = rows.get(d.feats[k]!);
      if (r >= 0) addRow(scores, w, r * N_LABELS);
    }
    for (let k = 0; k < nDyn; k++) {
      const r = rows.get(dyn[k]!);
      if (r >= 0) addRow(scores, w, r * N_LABELS);
    }
    let best = 0;
    for (let l = 1; l < N_LABELS; l++) if (scores[l]! > scores[best]!) best = l;
    if (hook) best = hook(t, dyn, nDyn, best) ?? best;
    labels[t] = best;
    if (d.upper[t]) memory.set(key, best === 0 ? 1 : labelType(best) + 2);
    p2 = p1;
    p1 = best;
  }
  return labels;
}

export interface LabelSpan {
  /** Token indices, half-open. */
  start: number;
  end: number;
  /** Index into ENTITY_TYPES. */
  type: number;
}

/**
 * BILOU labels → spans, leniently: an `I`/`L` that does not continue an open span of its type opens one, a span
 * still open when its type changes, an `O` comes or the sentence ends is closed there.
 */
export function labelsToSpans(labels: ArrayLike<number>, first: ArrayLike<number>): LabelSpan[] {
  const out: LabelSpan[] = [];
  let open = -1;
  let openType = -1;
  const close = (end: number): void => {
    if (open >= 0) out.push({ start: open, end, type: openType });
    open = -1;
    openType = -1;
  };
  for (let t = 0; t < labels.length; t++) {
    if (first[t]) close(t);
    const lab = labels[t]!;
    if (lab === 0) {
      close(t);
      continue;
    }
    const type = labelType(lab);
    const pos = labelPos(lab);
    if (pos === 0 || pos === 3 || openType !== type) {
      close(t);
      open = t;
      openType = type;
    }
    if (pos === 2 || pos === 3) close(t + 1);
  }
  close(labels.length);
  return out;
}

/** Spans → BILOU labels (training targets). */
export function spansToLabels(n: number, spans: readonly LabelSpan[]): Uint8Array {
  const labels = new Uint8Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) labels[s.start] = 1 + s.type * 4 + 3;
    else
      for (let t = s.start; t < s.end; t++) labels[t] = 1 + s.type * 4 + (t === s.start ? 0 : t === s.end - 1 ? 2 : 1);
  }
  return labels;
}
