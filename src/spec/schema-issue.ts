/** One way a body breaks its schema. */
export interface SchemaIssue {
  /** JSON pointer into the body, '' for the root. */
  readonly instancePath: string;
  readonly message: string;
}

/** Validates a parsed body; returns its issues (empty when valid). Never throws. */
export type Validator = (value: unknown, exact?: unknown) => readonly SchemaIssue[];
