/**
 * Open-addressing hash map from 32-bit unsigned keys (feature and phrase hashes) to non-negative int32 values.
 * Much faster than a Map for such keys (V8 boxes numbers ≥ 2^30 as heap numbers) and quick to build at load.
 */
export class U32Map {
  private keys: Uint32Array;
  private vals: Int32Array; // value + 1; 0 = empty
  private mask: number;
  size = 0;
  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }
  private slot(k: number): number {
    let i = Math.imul(k, 0x9e3779b1) >>> 0;
    i = (i ^ (i >>> 16)) & this.mask;
    for (;;) {
      if (this.vals[i] === 0 || this.keys[i] === k) return i;
      i = (i + 1) & this.mask;
    }
  }
  /** Value of `k`, or -1. */
  get(k: number): number {
    return this.vals[this.slot(k)]! - 1;
  }
  set(k: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(k);
    if (this.vals[i] === 0) this.size++;
    this.keys[i] = k;
    this.vals[i] = value + 1;
  }
  /** Entries sorted by key (deterministic serialisation). */
  entries(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < this.keys.length; i++) if (this.vals[i] !== 0) out.push([this.keys[i]!, this.vals[i]! - 1]);
    return out.sort((a, b) => a[0] - b[0]);
  }
  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.vals = new Int32Array(vals.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (vals[i] !== 0) this.set(keys[i]!, vals[i]! - 1);
  }
}
