/**
 * A number in [0, 1) that depends only on its inputs, so that jitter and sub-millisecond timestamp
 * digits are the same on every run and a failure seen once can be seen again. `idBits` is the
 * backup id folded to 32 bits (see `foldId`), computed once per backup because bigint arithmetic
 * is slow.
 */
export function stableFraction(idBits: number, partitionId: number, salt: number): number {
  let hash = idBits ^ Math.imul(partitionId, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b);
  // murmur3's finaliser: spreads every input bit over the whole word.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}
