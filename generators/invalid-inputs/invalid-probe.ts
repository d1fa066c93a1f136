/**
 * How a correct server may answer a deliberately invalid (or boundary) request.
 *
 * - `refuse`: the request breaks the spec's schema under every reading; only a 4xx is conformant.
 * - `may-accept`: a 4xx is conformant, and an acceptance is inconclusive because the spec is
 *   ambiguous there; `note` is the spec/NOTES.md entry that says why. With `conflictInconclusive`,
 *   the take's conflict status is inconclusive too (409 to a take of 0).
 * - `valid`: a request the spec's schemas allow; only the response checks judge its answer.
 */
export type Expectation =
  { readonly kind: 'refuse' } | { readonly kind: 'may-accept'; readonly note: string; readonly conflictInconclusive?: boolean } | { readonly kind: 'valid' };

/** A take request as sent, for one reserved id. */
export interface TakeRequestText {
  /** What the request tries, e.g. `backupId -3, below the minimum 0`. */
  readonly label: string;
  /** The body exactly as sent; undefined sends none. */
  readonly body?: string;
  /** The Content-Type header; undefined sends none. */
  readonly contentType?: string;
  /**
   * Every id a server could read from the request, rightly or wrongly (a fraction truncated or
   * rounded, an overflow clamped): a backup that appears under one of them is this request's doing.
   */
  readonly ids: readonly bigint[];
}

/**
 * An invalid take. `render` gets an id reserved for it alone, above every id of the cluster, and
 * writes every value a server might read as a positive id around that id: a server that wrongly
 * takes the request then only burns an id of the reserved range.
 */
export interface TakeProbe {
  readonly expectation: Expectation;
  render(reserved: bigint): TakeRequestText;
}

/** A path id as written into the URL (already percent-encoded where it has to be). */
export interface PathIdText {
  /** What the id tries, e.g. `a negative id`. */
  readonly label: string;
  readonly value: string;
}

/**
 * An invalid `{backupId}` path value. `render` gets an id that the value may carry as a prefix:
 * an existing id for reads (a server that parses leniently then shows a backup), an unused one for
 * deletes (so a lenient server deletes nothing).
 */
export interface PathProbe {
  /** False for values a GET must not be judged on (an empty id turns a get into the list). */
  readonly forGet: boolean;
  /**
   * How a delete may be answered. A get must refuse every invalid id (it documents 400 and 404);
   * a delete documents no 4xx at all, so a delete of an id the schema's minimum rules out but
   * that a server can still read is inconclusive when answered 204.
   */
  readonly onDelete: Expectation;
  render(id: bigint): PathIdText;
}

/** The int64 range, the type every backup id is bound to. */
