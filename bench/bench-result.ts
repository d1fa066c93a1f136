/** One measured number, and what the project aims for. Benchmarks report; they never assert. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The target, for the reader, e.g. '< 300 ms'. */
  readonly target?: string;
  /** Whether the value meets the target; undefined when there is none. */
  readonly met?: boolean;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A result measured against an upper bound. */
export function below(name: string, value: number, unit: string, limit: number): BenchResult {
  return { name, value: round(value), unit, target: `< ${limit} ${unit}`, met: value < limit };
}

/** The range of repeated measurements, for the reader: `min–max`. */
export function spread(values: readonly number[]): string {
  return `${round(Math.min(...values))}–${round(Math.max(...values))}`;
}
