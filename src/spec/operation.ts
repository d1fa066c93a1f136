import type { Validator } from './schema-issue.js';

/** What an operation does, recognised from its shape in the spec (never from its path). */
export type OperationRole = 'take' | 'list' | 'get' | 'delete';

/** One documented response of an operation. */
export interface ResponseSpec {
  /** As written in the spec: '202', '5XX' or 'default'. */
  readonly key: string;
  readonly description: string;
  /** Documented media types; empty when the response has no body. */
  readonly mediaTypes: readonly string[];
  /** Validator per documented media type that has a schema. */
  readonly validators: ReadonlyMap<string, Validator>;
  /** The schema of the first JSON media type, for walks that need it. */
  readonly jsonSchema?: object;
  /** JSON pointer of this response in the spec. */
  readonly pointer: string;
}

export interface PathParameter {
  readonly name: string;
  readonly schema?: object;
}

export interface RequestBodySpec {
  readonly required: boolean;
  readonly mediaTypes: readonly string[];
  readonly schema?: object;
  readonly validate?: Validator;
}

/** An operation of the spec with everything a check needs, computed once at start. */
export interface Operation {
  readonly method: string;
  /** The path as written in the spec, e.g. '/' or '/{backupId}'. */
  readonly path: string;
  /** `METHOD path`, the name used in findings and reports, e.g. `POST /`. */
  readonly label: string;
  /** JSON pointer of the operation in the spec, e.g. `#/paths/~1/post`. */
  readonly pointer: string;
  readonly summary: string;
  readonly description: string;
  readonly role?: OperationRole;
  readonly pathParameters: readonly PathParameter[];
  readonly requestBody?: RequestBodySpec;
  /** For the take operation: the required integer property of the request body (`backupId`). */
  readonly idField?: string;
  readonly responses: readonly ResponseSpec[];
  /** The status of success: the lowest documented 2xx (202 for the take, 200, 204), if any. */
  readonly successStatus?: number;
  /** The documented response for a status: exact code first, then `NXX`, then `default`. */
  responseFor(status: number): ResponseSpec | undefined;
}
