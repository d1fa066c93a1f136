/** A backup id folded to 32 bits (high word xor low word), the input of `stableFraction`. */
export function foldId(id: bigint): number {
  return Number(BigInt.asUintN(32, id ^ (id >> 32n)));
}
