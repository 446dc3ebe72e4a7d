/**
 * Open-addressing hash map from 32-bit unsigned keys (feature and phrase hashes) to non-negative int32 values.
 * Much faster than a Map for such keys (V8 boxes numbers ≥ 2^30 as heap numbers) and quick to build at load.
 * Linear probing over a key array alone (0 marks an empty slot; the key 0 itself is kept aside), so a lookup of an
 * absent key — the common case for feature hashes — touches one cache line of a compact array.
 */
export class U32Map {
  private keys: Uint32Array;
  private vals: Int32Array;
  private mask: number;
  /** Value of the key 0, or -1. */
  private zero = -1;
  size = 0;
  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** A map of `keys[i] → values[i]` (or `→ i` without `values`), built without per-entry method calls. */
  static from(keys: ArrayLike<number>, values?: ArrayLike<number>): U32Map {
    const m = new U32Map(keys.length);
    const table = m.keys;
    const vals = m.vals;
    const mask = m.mask;
    for (let e = 0; e < keys.length; e++) {
      const k = keys[e]! >>> 0;
      const v = values ? values[e]! : e;
      if (k === 0) {
        if (m.zero < 0) m.size++;
        m.zero = v;
        continue;
      }
      let i = Math.imul(k, 0x9e3779b1) >>> 0;
      i = (i ^ (i >>> 16)) & mask;
      while (table[i] !== 0 && table[i] !== k) i = (i + 1) & mask;
      if (table[i] === 0) m.size++;
      table[i] = k;
      vals[i] = v;
    }
    return m;
  }

  /** Value of `k`, or -1. */
  get(k: number): number {
    const key = k >>> 0;
    if (key === 0) return this.zero;
    const keys = this.keys;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> 0;
    i = (i ^ (i >>> 16)) & mask;
    for (;;) {
      const x = keys[i]!;
      if (x === key) return this.vals[i]!;
      if (x === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  set(k: number, value: number): void {
    const key = k >>> 0;
    if (key === 0) {
      if (this.zero < 0) this.size++;
      this.zero = value;
      return;
    }
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> 0;
    i = (i ^ (i >>> 16)) & mask;
    while (keys[i] !== 0 && keys[i] !== key) i = (i + 1) & mask;
    if (keys[i] === 0) this.size++;
    keys[i] = key;
    this.vals[i] = value;
  }

  /** Entries sorted by key (deterministic serialisation). */
  entries(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (this.zero >= 0) out.push([0, this.zero]);
    const { keys, vals } = this;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) out.push([keys[i]!, vals[i]!]);
    return out.sort((a, b) => a[0] - b[0]);
  }

  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.vals = new Int32Array(vals.length * 2);
    this.mask = this.keys.length - 1;
    this.size = this.zero >= 0 ? 1 : 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, vals[i]!);
  }
}

/** Read-only lookup from 32-bit unsigned keys to non-negative int32 values (-1 when absent). */
export interface U32Lookup {
  readonly size: number;
  get(k: number): number;
}

/**
 * Bucket index of keys sorted ascending: keys whose top `32 - shift` bits are b are `keys[start[b] .. start[b + 1])`
 * (about one to four keys per bucket). Built in one sequential pass; a model file may also store it (NER2).
 */
export function bucketStarts(keys: Uint32Array): Int32Array {
  const n = keys.length;
  let bits = 4;
  while (bits < 24 && 1 << (bits + 2) < n) bits++;
  const shift = 32 - bits;
  const nb = 1 << bits;
  const start = new Int32Array(nb + 1);
  let b = 0;
  for (let i = 0; i < n; i++) {
    const kb = keys[i]! >>> shift;
    while (b <= kb) start[b++] = i;
  }
  while (b <= nb) start[b++] = n;
  return start;
}

/**
 * Read-only map over keys sorted ascending and unique (as a model stores them): the value of `keys[i]` is
 * `values[i]`, or `i` itself. A bucket index over the keys' top bits (`bucketStarts`) finds a key with two reads of
 * compact arrays; given by the model file or built in one sequential pass, so loading a model costs next to nothing.
 */
export class SortedU32Index implements U32Lookup {
  readonly size: number;
  private readonly keys: Uint32Array;
  private readonly values: Int32Array | null;
  /** Keys with top bits b are keys[start[b] .. start[b + 1]). */
  private readonly start: Int32Array;
  private readonly shift: number;
  /** `start`, when given, must be `bucketStarts(keys)` (a model file stores it). */
  constructor(keys: Uint32Array, values: Int32Array | null = null, start: Int32Array = bucketStarts(keys)) {
    const nb = start.length - 1;
    const bits = 31 - Math.clz32(nb);
    if (nb !== 1 << bits || start[nb] !== keys.length) throw new Error('bucket index does not fit the keys');
    this.size = keys.length;
    this.keys = keys;
    this.values = values;
    this.start = start;
    this.shift = 32 - bits;
  }

  get(k: number): number {
    const key = k >>> 0;
    const b = key >>> this.shift;
    const keys = this.keys;
    const end = this.start[b + 1]!;
    for (let i = this.start[b]!; i < end; i++) {
      const x = keys[i]!;
      if (x === key) return this.values ? this.values[i]! : i;
      if (x > key) return -1;
    }
    return -1;
  }
}
