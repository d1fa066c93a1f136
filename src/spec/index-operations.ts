import type { Ajv } from 'ajv';
import type { OpenAPIV3 } from 'openapi-types';
import { ConformanceError } from '../errors.js';
import { compileValidator, type Compilation } from './compile-validator.js';
import { escapePointer } from './escape-pointer.js';
import type { Operation, OperationRole, PathParameter, RequestBodySpec, ResponseSpec } from './operation.js';
import { roleStatuses, type RoleStatuses } from './role-statuses.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** Every operation of the spec, and the four the backup API is made of, found by their shape. */
export interface OperationIndex {
  readonly operations: readonly Operation[];
  readonly byRole: Readonly<Record<OperationRole, Operation>>;
  /** The status of each outcome the suites judge, read from the operations' responses. */
  readonly statuses: RoleStatuses;
}

/**
 * Builds the operation index: labels, documented statuses, media types, and validators compiled
 * once (at once, or each on its first use). Roles are recognised from the document's structure (a POST with a body takes a backup, a
 * GET without parameters whose success is an array lists them, ...), so a spec that renames the paths
 * (later Camunda releases did) still works.
 */
export function indexOperations(document: OpenAPIV3.Document, ajv: Ajv, compilation: Compilation = 'at-once'): OperationIndex {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (item === undefined) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (op !== undefined) operations.push(buildOperation(path, method, op, item.parameters ?? [], ajv, compilation));
    }
  }
  const byRole = {} as Record<OperationRole, Operation>;
  for (const role of ['take', 'list', 'get', 'delete'] as const) {
    const candidates = operations.filter((op) => op.role === role);
    const chosen = candidates[0];
    if (chosen === undefined) {
      throw new ConformanceError(
        'CONF_SPEC_INVALID',
        `The spec describes no ${ROLE_SHAPES[role]}, so it cannot be a Backup Management API. Point --spec at the Backup Management API document.`,
      );
    }
    byRole[role] = chosen;
  }
  return { operations, byRole, statuses: roleStatuses(byRole) };
}

const ROLE_SHAPES: Record<OperationRole, string> = {
  take: 'take operation (a POST whose JSON body has a required integer id)',
  list: 'list operation (a GET without parameters whose success is an array)',
  get: 'get operation (a GET with one path parameter)',
  delete: 'delete operation (a DELETE with one path parameter)',
};

function buildOperation(
  path: string,
  method: (typeof METHODS)[number],
  op: OpenAPIV3.OperationObject,
  shared: readonly (OpenAPIV3.ParameterObject | OpenAPIV3.ReferenceObject)[],
  ajv: Ajv,
  compilation: Compilation,
): Operation {
  const pointer = `#/paths/${escapePointer(path)}/${method}`;
  const parameters = [...shared, ...(op.parameters ?? [])] as OpenAPIV3.ParameterObject[];
  const pathParameters: PathParameter[] = parameters
    .filter((p) => p.in === 'path')
    .map((p) => ({ name: p.name, ...(p.schema === undefined ? {} : { schema: p.schema as object }) }));

  const responses: ResponseSpec[] = Object.entries(op.responses ?? {}).map(([key, value]) => {
    const response = value as OpenAPIV3.ResponseObject;
    const responsePointer = `${pointer}/responses/${escapePointer(key)}`;
    const validators = new Map<string, ReturnType<typeof compileValidator>>();
    let jsonSchema: object | undefined;
    for (const [mediaType, media] of Object.entries(response.content ?? {})) {
      if (media.schema === undefined) continue;
      validators.set(mediaType, compileValidator(ajv, media.schema as object, `${responsePointer}/content/${escapePointer(mediaType)}/schema`, compilation));
      if (jsonSchema === undefined && isJsonMediaType(mediaType)) jsonSchema = media.schema as object;
    }
    return {
      key,
      description: response.description ?? '',
      mediaTypes: Object.keys(response.content ?? {}),
      validators,
      ...(jsonSchema === undefined ? {} : { jsonSchema }),
      pointer: responsePointer,
    };
  });

  let requestBody: RequestBodySpec | undefined;
  let idField: string | undefined;
  const body = op.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  if (body !== undefined) {
    const jsonEntry = Object.entries(body.content ?? {}).find(([type]) => isJsonMediaType(type));
    const schema = jsonEntry?.[1].schema as OpenAPIV3.SchemaObject | undefined;
    requestBody = {
      required: body.required ?? false,
      mediaTypes: Object.keys(body.content ?? {}),
      ...(schema === undefined ? {} : { schema, validate: compileValidator(ajv, schema, `${pointer}/requestBody`, compilation) }),
    };
    idField = schema?.required?.find((name) => isIntegerSchema(schema.properties?.[name]));
  }

  const upper = method.toUpperCase();
  const successStatus = responses
    .map((response) => Number(response.key))
    .filter((status) => status >= 200 && status < 300)
    .sort((a, b) => a - b)[0];
  const operation: Operation = {
    method: upper,
    path,
    label: `${upper} ${path}`,
    pointer,
    summary: op.summary ?? '',
    description: op.description ?? '',
    pathParameters,
    responses,
    ...(requestBody === undefined ? {} : { requestBody }),
    ...(idField === undefined ? {} : { idField }),
    ...(successStatus === undefined ? {} : { successStatus }),
    responseFor: (status) =>
      responses.find((r) => r.key === String(status)) ??
      responses.find((r) => r.key.toUpperCase() === `${Math.floor(status / 100)}XX`) ??
      responses.find((r) => r.key === 'default'),
  };
  const role = recogniseRole(operation);
  return role === undefined ? operation : { ...operation, role };
}

function recogniseRole(op: Operation): OperationRole | undefined {
  const params = op.pathParameters.length;
  if (op.method === 'POST' && op.idField !== undefined && params === 0) return 'take';
  if (op.method === 'GET' && params === 0) {
    const schema = op.responses.find((r) => r.key === String(op.successStatus))?.jsonSchema as { type?: string } | undefined;
    return schema?.type === 'array' ? 'list' : undefined;
  }
  if (op.method === 'GET' && params === 1) return 'get';
  if (op.method === 'DELETE' && params === 1) return 'delete';
  return undefined;
}

function isIntegerSchema(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  const s = schema as { type?: string; allOf?: unknown[] };
  return s.type === 'integer' || (s.allOf ?? []).some(isIntegerSchema);
}

/** The media type a JSON request body is sent as: the first JSON type the operation documents, else `application/json`. */
export function jsonRequestMediaType(mediaTypes: readonly string[]): string {
  return mediaTypes.find(isJsonMediaType) ?? 'application/json';
}

/** `application/json`, or any `application/*+json` such as Spring's actuator type. */
export function isJsonMediaType(mediaType: string): boolean {
  const essence = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return essence === 'application/json' || (essence.startsWith('application/') && essence.endsWith('+json'));
}
