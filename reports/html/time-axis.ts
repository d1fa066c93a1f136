/**
 * Tick positions for an axis from `startMs` to `endMs`: multiples of 1, 2 or 5 times a power of
 * ten, about `target` of them.
 */
export function niceTicks(startMs: number, endMs: number, target: number): number[] {
  const range = Math.max(endMs - startMs, 1);
  const rough = range / Math.max(target, 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10]
    .map((m) => m * power)
    .reduce((best, candidate) => (Math.abs(Math.log(candidate / rough)) < Math.abs(Math.log(best / rough)) ? candidate : best));
  const ticks: number[] = [];
  for (let tick = Math.ceil(startMs / step) * step; tick <= endMs + 1e-9; tick += step) ticks.push(Math.round(tick * 1e6) / 1e6);
  return ticks;
}

/** Milliseconds since the run started as seconds, with as many decimals as a step of `unitMs` needs. */
export function formatRunTime(ms: number, unitMs: number): string {
  const decimals = Math.min(3, Math.max(0, Math.ceil(-Math.log10(unitMs / 1000))));
  return `${(ms / 1000).toFixed(decimals)} s`;
}
