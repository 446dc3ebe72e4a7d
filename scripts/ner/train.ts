/**
 * Averaged-perceptron training of the greedy BILOU entity tagger (training time only).
 * Deterministic: document order is shuffled with a seeded PRNG, all maps are built in input order.
 */
import { createHash } from 'node:crypto';
import {
  FeatureIndex,
  greedyDecode,
  type LabelSpan,
  labelsToSpans,
  spansToLabels,
  type WeightTable,
} from '../../shared/pipeline/entities/decoder.ts';
import {
  addPhrase,
  computeDocFeatures,
  type DocFeatures,
  ENTITY_TYPES,
  type Gazetteer,
  N_LABELS,
  newGazetteer,
  normalizeToken,
} from '../../shared/pipeline/entities/features.ts';
import {
  decodeModelBytes,
  encodeModelBytes,
  type ModelHeader,
  quantizeWeight,
} from '../../shared/pipeline/entities/model-format.ts';
import { prng as mulberry32 } from '../lib/prng.ts';
import type { TrainDoc } from './conll.ts';

export interface ExternalList {
  category: string;
  /** Phrases as token arrays (as the tokenizer would split them). */
  phrases: string[][];
}

export interface TrainOptions {
  epochs: number;
  /** One training run per seed (document order); their weights are averaged. */
  seeds: number[];
  /** Folds for the training-entity gazetteer (each training document sees the entities of the other folds). */
  folds: number;
  /** Quantised weights with |q| below this are zeroed (then empty rows dropped). */
  prune: number;
  /** Companding exponent of the int8 quantisation. */
  power: number;
  /** Continue the label history with the gold label instead of the prediction while training. */
  teacherForcing?: boolean;
  /** Prune levels to try and report on dev (the model uses `prune`). */
  sweep?: number[];
  /** Version prefix; a digest of the weights and gazetteer is appended. */
  version: string;
  external: ExternalList[];
  log: (msg: string) => void;
  /** Extra facts recorded in the model header. */
  facts: Record<string, string | number>;
}

export interface Scores {
  perType: Record<string, { p: number; r: number; f: number; gold: number }>;
  /** Micro F1 over PER+ORG+LOC. */
  f1: number;
  /** Micro F1 over all four types. */
  f1All: number;
}

function entityPhrases(doc: TrainDoc): Array<{ tokens: string[]; type: number }> {
  const flat = doc.sentences.flat();
  return doc.spans.map((s) => ({
    tokens: flat.slice(s.start, s.end).map((w) => normalizeToken(w).toLowerCase()),
    type: s.type,
  }));
}

export function buildGazetteer(docs: readonly TrainDoc[], external: readonly ExternalList[]): Gazetteer {
  const gaz: Gazetteer = newGazetteer();
  external.forEach((list, i) => {
    for (const p of list.phrases) addPhrase(gaz, p, 1 << (ENTITY_TYPES.length + i));
  });
  for (const d of docs) for (const e of entityPhrases(d)) addPhrase(gaz, e.tokens, 1 << e.type);
  return gaz;
}

class TrainWeights {
  rows = new FeatureIndex(1 << 16);
  hashes: number[] = [];
  w = new Int32Array(1 << 20);
  u = new Float64Array(1 << 20);
  n = 0;
  row(h: number): number {
    let r = this.rows.get(h);
    if (r < 0) {
      r = this.n++;
      this.rows.set(h, r);
      this.hashes.push(h);
      if (this.n * N_LABELS > this.w.length) {
        const w = new Int32Array(this.w.length * 2);
        w.set(this.w);
        this.w = w;
        const u = new Float64Array(this.u.length * 2);
        u.set(this.u);
        this.u = u;
      }
    }
    return r;
  }
  averaged(c: number): Float64Array {
    const out = new Float64Array(this.n * N_LABELS);
    for (let i = 0; i < out.length; i++) out[i] = this.w[i]! - this.u[i]! / c;
    return out;
  }
}

interface Prepared {
  doc: TrainDoc;
  feats: DocFeatures;
  gold: Uint8Array;
  first: Uint8Array;
}

function prepare(docs: readonly TrainDoc[], gazFor: (i: number) => Gazetteer): Prepared[] {
  return docs.map((doc, i) => {
    const feats = computeDocFeatures(doc.sentences, gazFor(i));
    return { doc, feats, gold: spansToLabels(feats.n, doc.spans), first: feats.first };
  });
}

export function score(gold: readonly LabelSpan[][], pred: readonly LabelSpan[][]): Scores {
  const tp = [0, 0, 0, 0];
  const ng = [0, 0, 0, 0];
  const np = [0, 0, 0, 0];
  gold.forEach((g, i) => {
    const keys = new Set(g.map((s) => `${s.start}:${s.end}:${s.type}`));
    for (const s of g) ng[s.type]!++;
    for (const s of pred[i] ?? []) {
      np[s.type]!++;
      if (keys.has(`${s.start}:${s.end}:${s.type}`)) tp[s.type]!++;
    }
  });
  const f = (t: number, g: number, p: number) => {
    const pr = p ? t / p : 0;
    const re = g ? t / g : 0;
    return { p: pr, r: re, f: pr + re ? (2 * pr * re) / (pr + re) : 0, gold: g };
  };
  const perType: Scores['perType'] = {};
  ENTITY_TYPES.forEach((name, i) => {
    perType[name] = f(tp[i]!, ng[i]!, np[i]!);
  });
  const sum = (a: number[], k: number) => a.slice(0, k).reduce((x, y) => x + y, 0);
  return { perType, f1: f(sum(tp, 3), sum(ng, 3), sum(np, 3)).f, f1All: f(sum(tp, 4), sum(ng, 4), sum(np, 4)).f };
}

function evaluate(dev: readonly Prepared[], table: WeightTable): Scores {
  const pred = dev.map((p) => labelsToSpans(greedyDecode(p.feats, table), p.first));
  return score(
    dev.map((p) => p.doc.spans),
    pred,
  );
}

export function formatScores(s: Scores): string {
  const types = Object.entries(s.perType)
    .map(([k, v]) => `${k} ${(v.f * 100).toFixed(2)}`)
    .join(' ');
  return `PER+ORG+LOC ${(s.f1 * 100).toFixed(2)} all ${(s.f1All * 100).toFixed(2)} | ${types}`;
}

function quantize(
  hashList: readonly number[],
  avg: Float64Array,
  prune: number,
  power: number,
): { hashes: Uint32Array; weights: Int8Array; scale: number } {
  let top = 0;
  for (let i = 0; i < avg.length; i++) top = Math.max(top, Math.abs(avg[i]!));
  const scale = Number((top || 1).toPrecision(6));
  const kept: Array<[number, Int8Array]> = [];
  const sorted = hashList.map((h, r) => [h, r] as const).sort((a, b) => a[0] - b[0]);
  for (const [h, r] of sorted) {
    const q = new Int8Array(N_LABELS);
    let any = false;
    for (let l = 0; l < N_LABELS; l++) {
      const v = quantizeWeight(avg[r * N_LABELS + l]!, scale, power, prune);
      q[l] = v;
      if (v !== 0) any = true;
    }
    if (any) kept.push([h, q]);
  }
  const hashes = new Uint32Array(kept.length);
  const weights = new Int8Array(kept.length * N_LABELS);
  kept.forEach(([h, q], i) => {
    hashes[i] = h;
    weights.set(q, i * N_LABELS);
  });
  return { hashes, weights, scale };
}

function trainOne(
  train: readonly Prepared[],
  dev: readonly Prepared[] | null,
  o: TrainOptions,
  seed: number,
  t0: number,
): { avg: Float64Array; hashes: number[]; epoch: number } {
  const wts = new TrainWeights();
  const rnd = mulberry32(seed);
  let c = 1;
  let best: { avg: Float64Array; hashes: number[]; f: number; epoch: number } | null = null;
  const order = train.map((_, i) => i);
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const di of order) {
      const p = train[di]!;
      const { feats: d, gold } = p;
      greedyDecode(d, wts, (t, dyn, nDyn, pred) => {
        const g = gold[t]!;
        tokens++;
        if (pred !== g) {
          errors++;
          const upd = (h: number): void => {
            const base = wts.row(h) * N_LABELS;
            wts.w[base + g]! += 1;
            wts.u[base + g]! += c;
            wts.w[base + pred]! -= 1;
            wts.u[base + pred]! -= c;
          };
          for (let k = d.off[t]!, end = d.off[t + 1]!; k < end; k++) upd(d.feats[k]!);
          for (let k = 0; k < nDyn; k++) upd(dyn[k]!);
        }
        c++;
        return o.teacherForcing ? g : undefined;
      });
    }
    let msg = `seed ${seed} epoch ${epoch}: token error ${((errors / tokens) * 100).toFixed(2)}%, ${wts.n} features, ${Math.round((Date.now() - t0) / 1000)} s`;
    if (dev) {
      const avg = wts.averaged(c);
      const s = evaluate(dev, { rows: wts.rows, w: avg });
      msg += ` | dev ${formatScores(s)}`;
      if (!best || s.f1 > best.f) best = { avg, hashes: [...wts.hashes], f: s.f1, epoch };
    }
    o.log(msg);
  }
  return best ?? { avg: wts.averaged(c), hashes: wts.hashes, f: 0, epoch: o.epochs };
}

export interface TrainResult {
  bytes: Uint8Array;
  header: ModelHeader;
  dev: Scores | null;
  epochs: number;
}

export function train(
  trainDocs: readonly TrainDoc[],
  devDocs: readonly TrainDoc[] | null,
  o: TrainOptions,
): TrainResult {
  const t0 = Date.now();
  const folds = Math.max(2, o.folds);
  const foldGaz: Gazetteer[] = [];
  for (let k = 0; k < folds; k++) {
    foldGaz.push(
      buildGazetteer(
        trainDocs.filter((_, i) => i % folds !== k),
        o.external,
      ),
    );
  }
  const fullGaz = buildGazetteer(trainDocs, o.external);
  const train = prepare(trainDocs, (i) => foldGaz[i % folds]!);
  const dev = devDocs ? prepare(devDocs, () => fullGaz) : null;
  o.log(`prepared ${train.length} docs, ${train.reduce((a, p) => a + p.feats.n, 0)} tokens in ${Date.now() - t0} ms`);

  const runs = o.seeds.map((seed) => trainOne(train, dev, o, seed, t0));
  let final: { avg: Float64Array; hashes: number[]; epoch: number };
  if (runs.length === 1) final = runs[0]!;
  else {
    // average the averaged weights of the runs (over the union of their features): less seed variance
    const sum = new Map<number, Float64Array>();
    for (const r of runs) {
      r.hashes.forEach((h, row) => {
        let acc = sum.get(h);
        if (!acc) {
          acc = new Float64Array(N_LABELS);
          sum.set(h, acc);
        }
        for (let l = 0; l < N_LABELS; l++) acc[l]! += r.avg[row * N_LABELS + l]! / runs.length;
      });
    }
    const hashes = [...sum.keys()];
    const avg = new Float64Array(hashes.length * N_LABELS);
    for (const [row, h] of hashes.entries()) avg.set(sum.get(h)!, row * N_LABELS);
    final = { avg, hashes, epoch: Math.max(...runs.map((r) => r.epoch)) };
    if (dev) {
      const rows = new FeatureIndex(hashes.length);
      for (const [row, h] of hashes.entries()) rows.set(h, row);
      o.log(`average of ${runs.length} runs: dev ${formatScores(evaluate(dev, { rows, w: avg }))}`);
    }
  }
  if (dev) {
    for (const pr of o.sweep ?? []) {
      const qs = quantize(final.hashes, final.avg, pr, o.power);
      const m = decodeModelBytes(
        encodeModelBytes(
          { version: 'sweep', scale: qs.scale, power: o.power, labels: N_LABELS, categories: [], training: {} },
          qs.hashes,
          qs.weights,
          null,
        ),
      );
      o.log(`sweep prune ${pr}: ${qs.hashes.length} features, dev ${formatScores(evaluate(dev, m))}`);
    }
  }
  const q = quantize(final.hashes, final.avg, o.prune, o.power);
  const header: ModelHeader = {
    version: `${o.version}-${createHash('sha256')
      .update(q.hashes)
      .update(q.weights)
      .update(JSON.stringify(fullGaz.entries()))
      .digest('hex')
      .slice(0, 8)}`,
    scale: q.scale,
    power: o.power,
    labels: N_LABELS,
    categories: [...ENTITY_TYPES.map((t) => `train:${t}`), ...o.external.map((e) => e.category)],
    training: { ...o.facts, epochs: final.epoch, features: q.hashes.length },
  };
  let devScores: Scores | null = null;
  if (dev) {
    const model = decodeModelBytes(encodeModelBytes(header, q.hashes, q.weights, null));
    devScores = evaluate(dev, model);
    header.training.devF1 = Number((devScores.f1 * 100).toFixed(2));
    o.log(`quantised (${q.hashes.length} features, prune ${o.prune}): dev ${formatScores(devScores)}`);
  }
  const bytes = encodeModelBytes(header, q.hashes, q.weights, fullGaz);
  return { bytes, header, dev: devScores, epochs: final.epoch };
}
