import { access } from 'node:fs/promises';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI, OpenAPIV3 } from 'openapi-types';
import { ConformanceError } from '../errors.js';

/** The OpenAPI document, both as written and fully dereferenced. */
export interface LoadedSpec {
  readonly path: string;
  /** As written (with `$ref`s): JSON pointers in findings and the prose-rule drift check use it. */
  readonly source: OpenAPI.Document;
  /** Validated and dereferenced: what the operation index is built from. */
  readonly document: OpenAPIV3.Document;
}

export interface LoadSpecOptions {
  /**
   * Skip validating the document against the OpenAPI JSON Schema (the structural checks of the
   * spec still run). Only for the bundled spec, whose full validation is a test of this project:
   * compiling the OpenAPI meta-schema costs a few hundred milliseconds of every start.
   */
  readonly trusted?: boolean;
}

/**
 * Reads, validates and dereferences an OpenAPI document. A missing file or an invalid document is a
 * tool error (exit code 2) whose message names the first problem and where it is.
 */
export async function loadSpec(path: string, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  try {
    await access(path);
  } catch {
    throw new ConformanceError('CONF_SPEC_NOT_FOUND', `The spec file ${path} does not exist or cannot be read. Check the --spec path.`);
  }
  let source: OpenAPI.Document;
  try {
    source = await SwaggerParser.parse(path);
  } catch (error) {
    throw new ConformanceError(
      'CONF_SPEC_INVALID',
      `${path} is not a readable OpenAPI document: ${firstLine(error)}. Fix the file or point --spec at a valid copy.`,
    );
  }
  let document: OpenAPI.Document;
  try {
    // validate() dereferences; give it a copy so `source` keeps its $refs.
    document = await SwaggerParser.validate(structuredClone(source), options.trusted === true ? { validate: { schema: false, spec: true } } : {});
  } catch (error) {
    throw new ConformanceError(
      'CONF_SPEC_INVALID',
      `${path} is not a valid OpenAPI document: ${firstProblem(error)}. Fix the file or point --spec at a valid copy.`,
    );
  }
  if (!('openapi' in document) || !String(document.openapi).startsWith('3.')) {
    throw new ConformanceError(
      'CONF_SPEC_INVALID',
      `${path} is not an OpenAPI 3 document (it has no "openapi: 3.x" field). Point --spec at an OpenAPI 3.0 or 3.1 document.`,
    );
  }
  return { path, source, document: document as OpenAPIV3.Document };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n').find((line) => line.trim() !== '') ?? message).trim();
}

/** swagger-parser lists schema problems one per line after a header line; the first names a pointer. */
function firstProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const detail = lines.find((line) => line.startsWith('#/')) ?? lines[1];
  return detail === undefined ? firstLine(error) : `${lines[0]} ${detail}`;
}
