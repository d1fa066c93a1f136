/** A duration in the units the flags read: minutes from 2m up (`1440m`), else seconds (`60s`), else ms (`1500ms`). */
export function formatDuration(ms: number): string {
  return ms >= 120_000 && ms % 60_000 === 0 ? `${ms / 60_000}m` : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
