/** Median wall time of `runs` calls, after one warm-up call. */
export function medianMs(runs: number, fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2
    ? (times[mid] as number)
    : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

export function fmtMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

/**
 * Two functions timed in alternation, `runs` pairs after one warm-up each:
 * their medians and the median of the per-pair ratios a / b. On a shared
 * machine a slow spell hits both halves of a pair, so the ratio holds still
 * where two medians taken minutes apart do not.
 */
export function pairedMs(
  runs: number,
  a: () => unknown,
  b: () => unknown,
): { a: number; b: number; ratio: number } {
  a();
  b();
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    a();
    const t1 = performance.now();
    b();
    const t2 = performance.now();
    as.push(t1 - t0);
    bs.push(t2 - t1);
    ratios.push((t1 - t0) / (t2 - t1));
  }
  return { a: median(as), b: median(bs), ratio: median(ratios) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
