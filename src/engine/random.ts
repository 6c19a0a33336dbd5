/**
 * FNV-1a over numbers: FORECAST_RANGE seeds its generator from the input
 * itself, so the same sheet gives the same P10/P50/P90 on every recalculation.
 */
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
