/**
 * A small, fast, seedable generator (mulberry32). Apps Script has no crypto
 * RNG worth the cost, and the forecast range must be reproducible: the same
 * sheet gives the same P10/P50/P90 on every recalculation.
 *
 * @returns a function giving uniform numbers in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over numbers, to seed the generator from the input itself. */
export function hashNumbers(values: Iterable<number>): number {
  let h = 0x811c9dc5;
  const view = new DataView(new ArrayBuffer(8));
  for (const v of values) {
    view.setFloat64(0, v);
    for (let i = 0; i < 8; i++) {
      h ^= view.getUint8(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}
