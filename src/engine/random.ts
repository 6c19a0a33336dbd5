/**
 * FNV-1a over numbers: FORECAST_RANGE seeds its generator from the input
 * itself, so the same sheet gives the same P10/P50/P90 on every recalculation.
 * Fed one number at a time (`add`), so hashing half a million amounts needs no
 * array of them and never spreads one into a call.
 */
export class NumberHash {
  private h = 0x811c9dc5;
  private readonly view = new DataView(new ArrayBuffer(8));

  add(v: number): this {
    this.view.setFloat64(0, v);
    let h = this.h;
    for (let i = 0; i < 8; i++) {
      h ^= this.view.getUint8(i);
      h = Math.imul(h, 0x01000193);
    }
    this.h = h;
    return this;
  }

  addAll(values: ArrayLike<number>): this {
    for (let i = 0; i < values.length; i++) this.add(values[i] as number);
    return this;
  }

  value(): number {
    return this.h >>> 0;
  }
}

export function hashNumbers(values: Iterable<number>): number {
  const hash = new NumberHash();
  for (const v of values) hash.add(v);
  return hash.value();
}
