import { describe, expect, it } from 'vitest';

import { SeededRandom } from '../../electron/demo/seeded-random.ts';

function draws(random: SeededRandom, count: number): number[] {
  return Array.from({ length: count }, () => random.nextUint32());
}

describe('SeededRandom', () => {
  it('pins the sequence of a seed', () => {
    // Demo ledgers must stay reproducible across releases: a change here changes every demo.
    expect(draws(new SeededRandom(42), 3)).toEqual([2558233753, 2483536111, 360094275]);
    expect(draws(new SeededRandom(42, 3, 7), 2)).toEqual([2010785701, 2439865928]);
  });

  it('repeats a sequence for the same seed and stream', () => {
    expect(draws(new SeededRandom(7, 1), 50)).toEqual(draws(new SeededRandom(7, 1), 50));
  });

  it('separates seeds and streams', () => {
    const base = draws(new SeededRandom(7), 10);
    expect(draws(new SeededRandom(8), 10)).not.toEqual(base);
    expect(draws(new SeededRandom(7, 1), 10)).not.toEqual(base);
    expect(draws(new SeededRandom(7, 1, 2), 10)).not.toEqual(draws(new SeededRandom(7, 2, 1), 10));
    expect(draws(new SeededRandom(2 ** 40 + 7), 10)).not.toEqual(base);
    expect(draws(new SeededRandom(-7), 10)).not.toEqual(base);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => new SeededRandom(1.5)).toThrow(/seed 1.5/);
    expect(() => new SeededRandom(Number.NaN)).toThrow(/seed NaN/);
  });

  it('keeps next in [0, 1)', () => {
    const random = new SeededRandom(1);
    for (let i = 0; i < 10_000; i += 1) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('includes both ends in int', () => {
    const random = new SeededRandom(2);
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i += 1) seen.add(random.int(-2, 2));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(random.int(5, 5)).toBe(5);
    expect(() => random.int(3, 1)).toThrow(/\[3, 1\]/);
  });

  it('picks from a list and by weight', () => {
    const random = new SeededRandom(3);
    const items = ['a', 'b', 'c'];
    const picked = new Set(Array.from({ length: 200 }, () => random.pick(items)));
    expect(picked).toEqual(new Set(items));
    expect(() => random.pick([])).toThrow(/empty/);
    const weighted = Array.from({ length: 200 }, () =>
      random.pickWeighted([
        ['never', 0],
        ['always', 1],
      ]),
    );
    expect(new Set(weighted)).toEqual(new Set(['always']));
  });

  it('draws chance at its probability', () => {
    const random = new SeededRandom(4);
    const hits = Array.from({ length: 20_000 }, () => random.chance(0.25)).filter(Boolean).length;
    expect(hits / 20_000).toBeCloseTo(0.25, 1);
  });

  it('draws normal values with the given mean and spread', () => {
    const random = new SeededRandom(5);
    const values = Array.from({ length: 20_000 }, () => random.normal(10, 3));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(10, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(3, 1);
  });

  it('shuffles into a permutation', () => {
    const random = new SeededRandom(6);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = random.shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});
