import { describe, expect, it } from 'vitest';
import { hashNumbers, NumberHash } from '../../src/engine/random';

// Expected values computed outside the engine: FNV-1a (32-bit) over each number's
// eight big-endian IEEE 754 bytes, e.g. in Python with struct.pack('>d', v).
describe('the FORECAST_RANGE seed', () => {
  it('is FNV-1a over the numbers’ bytes: the offset basis for none, known values for a few', () => {
    expect(hashNumbers([])).toBe(0x811c9dc5);
    expect(hashNumbers([0])).toBe(2_615_243_109);
    expect(hashNumbers([1])).toBe(2_880_721_802);
    expect(hashNumbers([1, 2])).toBe(786_481_930);
  });

  it('is the same for the same numbers on every call, and differs for another order, or for -0', () => {
    expect(hashNumbers([1, 2])).toBe(hashNumbers([1, 2]));
    expect(hashNumbers([2, 1])).toBe(3_388_860_010);
    expect(hashNumbers([-0])).toBe(3_945_914_597);
  });

  it('is the same fed one number at a time, as a typed array, or from any iterable', () => {
    const values = [100, 250.5, 1e14];
    const oneByOne = new NumberHash();
    for (const v of values) oneByOne.add(v);
    expect(new NumberHash().addAll(Float64Array.from(values)).value()).toBe(oneByOne.value());
    expect(hashNumbers(new Set(values))).toBe(oneByOne.value());
  });
});
