/**
 * A seeded pseudo-random generator for demo data: the same seed and stream always give the same
 * sequence, so a demo ledger can be rebuilt row for row. Not for anything secret.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast counting" generator from PractRand),
 * whose four 32-bit words are filled from the seed through the lowbias32 integer hash found by
 * Chris Wellons's hash-prospector.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * Starts the sequence for `seed`, a safe integer. Each extra `stream` number (for example a
   * stage and a client index) selects an independent sequence, so that one part of the demo
   * can draw more or fewer numbers without shifting what every other part draws.
   */
  constructor(seed: number, ...stream: number[]) {
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(`Invalid seed ${String(seed)}: expected a safe integer.`);
    }
    let state = lowbias32(seed >>> 0);
    state = lowbias32(state ^ (Math.floor(seed / 2 ** 32) >>> 0));
    for (const part of stream) state = lowbias32(state ^ lowbias32(part >>> 0));
    this.a = lowbias32(state ^ 0x9e3779b9);
    this.b = lowbias32(this.a ^ 0x85ebca6b);
    this.c = lowbias32(this.b ^ 0xc2b2ae35);
    this.d = 1;
    // sfc32 needs a few rounds before nearby seeds stop giving similar first outputs.
    for (let round = 0; round < 12; round += 1) this.nextUint32();
  }

  /** Returns the next unsigned 32-bit integer. */
  nextUint32(): number {
    const result = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) + result;
    this.c |= 0;
    return result >>> 0;
  }

  /** Returns a number in [0, 1). */
  next(): number {
    return this.nextUint32() / 2 ** 32;
  }

  /**
   * Returns an integer in [min, max], both ends included. Scaling a 32-bit draw makes some values
   * likelier than others by at most (max - min + 1) / 2^32, which demo data can ignore.
   */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(
        `Invalid integer range [${min}, ${max}]: expected integers with min <= max.`,
      );
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Returns a number in [min, max). */
  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** Returns true with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list.');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a value with probability proportional to its weight. */
  pickWeighted<T>(entries: readonly (readonly [value: T, weight: number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    if (!(total > 0)) throw new RangeError('Cannot pick from weights that sum to zero or less.');
    let target = this.next() * total;
    for (const [value, weight] of entries) {
      target -= weight;
      if (target < 0) return value;
    }
    // Rounding can leave `target` a hair above zero after the last entry.
    return (entries.at(-1) as readonly [T, number])[0];
  }

  /** Draws from a normal distribution (Box-Muller transform). */
  normal(mean: number, sd: number): number {
    const u1 = 1 - this.next(); // in (0, 1], so the logarithm is finite
    const u2 = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Returns a shuffled copy of `items` (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

function lowbias32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}
