/**
 * A JSON value as the server writes it. `bigint` is written as an exact JSON number, so backup ids
 * and checkpoint positions keep all 64 bits (a JS number keeps only 53). Object members whose value
 * is undefined are left out, as Zeebe leaves out absent fields instead of writing null.
 */
export type JsonValue = null | boolean | number | bigint | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };
