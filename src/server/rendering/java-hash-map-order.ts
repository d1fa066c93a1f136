const INITIAL_CAPACITY = 16;
const LOAD_FACTOR = 0.75;
/** A bin that reaches this many entries asks for a bigger table while the table is small. */
const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;

/**
 * The order in which a `java.util.HashMap<Long, V>` iterates keys put in the given order. Zeebe
 * 8.2–8.8 builds the backup list with `Collectors.groupingBy` into such a map and returns its
 * values unsorted (`BackupRequestHandler.aggregateBackupList`, research note §5), so small ids
 * come out ascending and large ids in hash order.
 *
 * Follows the JDK 8+ algorithm: the table starts at 16 buckets and doubles when the size passes
 * 0.75 of it, or when a bin grows past 8 entries while the table is under 64 buckets; a key's
 * bucket is `(h ^ (h >>> 16)) & (n - 1)` with `h = Long.hashCode(key)`; a bucket keeps insertion
 * order through resizes. Bins large enough to become trees are taken in insertion order, an
 * approximation (the JDK moves a tree's root to the front).
 */
export function javaHashMapOrder(keys: readonly bigint[]): bigint[] {
  const hashes = keys.map(longHashSpread);
  let capacity = INITIAL_CAPACITY;
  let binSizes = new Map<number, number>();
  hashes.forEach((hash, index) => {
    const bucket = hash & (capacity - 1);
    const before = binSizes.get(bucket) ?? 0;
    binSizes.set(bucket, before + 1);
    const binTooLong = before >= TREEIFY_THRESHOLD && capacity < MIN_TREEIFY_CAPACITY;
    // putVal: treeifyBin may resize first, then the size is checked against the threshold.
    let grown = binTooLong ? capacity * 2 : capacity;
    if (index + 1 > grown * LOAD_FACTOR) grown *= 2;
    if (grown !== capacity) {
      capacity = grown;
      binSizes = countBins(hashes.slice(0, index + 1), capacity);
    }
  });
  return keys
    .map((key, index) => ({ key, index, bucket: (hashes[index] ?? 0) & (capacity - 1) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.key);
}

/** `Long.hashCode` followed by `HashMap.hash`'s spreading of the high bits. */
function longHashSpread(key: bigint): number {
  const bits = BigInt.asUintN(64, key);
  const hash = Number(BigInt.asIntN(32, bits ^ (bits >> 32n)));
  return hash ^ (hash >>> 16);
}

function countBins(hashes: readonly number[], capacity: number): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const hash of hashes) {
    const bucket = hash & (capacity - 1);
    sizes.set(bucket, (sizes.get(bucket) ?? 0) + 1);
  }
  return sizes;
}
