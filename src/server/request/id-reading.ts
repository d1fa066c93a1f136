/**
 * The outcome of binding a backup id from a request: the id (any int64, zero and negative
 * included, since range rules belong to the endpoint), or why it could not be bound.
 */
export type IdReading = { readonly id: bigint } | { readonly error: string };
