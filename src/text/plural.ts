/** A count with its noun, singular for one: `1 backup`, `2 backups`, `0 commands`. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
