import type { Ajv } from 'ajv';
import { ConformanceError } from '../errors.js';
import { int64RangeIssues } from './int64-range-issues.js';
import type { SchemaIssue, Validator } from './schema-issue.js';

/** When validators are compiled: at once, or each on its first use (for a spec known to compile). */
export type Compilation = 'at-once' | 'on-first-use';

/**
 * Compiles a schema once; the returned validator is called for every body. At once, a schema that
 * cannot be compiled stops the run before any request (`CONF_SPEC_INVALID`). On first use, a run
 * pays only for the responses it receives: for the bundled spec, which a test compiles in full.
 */
export function compileValidator(ajv: Ajv, schema: object, where: string, compilation: Compilation = 'at-once'): Validator {
  let compiled: ReturnType<Ajv['compile']> | undefined;
  const compile = (): ReturnType<Ajv['compile']> => {
    try {
      compiled ??= ajv.compile(schema);
      return compiled;
    } catch (error) {
      throw new ConformanceError(
        'CONF_SPEC_INVALID',
        `The schema at ${where} cannot be compiled: ${(error as Error).message}. Fix the spec or point --spec at a valid copy.`,
      );
    }
  };
  if (compilation === 'at-once') compile();
  return (value, exact) => {
    const validate = compiled ?? compile();
    const issues: SchemaIssue[] = [];
    if (!validate(value)) {
      for (const error of validate.errors ?? []) issues.push({ instancePath: error.instancePath, message: describe(error) });
    }
    if (exact !== undefined && exact !== value) issues.push(...int64RangeIssues(exact, schema));
    return issues;
  };
}

function describe(error: { message?: string; keyword: string; params: Record<string, unknown>; data?: unknown }): string {
  if (error.keyword === 'enum') return `${error.message} ${(error.params['allowedValues'] as unknown[]).join(', ')}, got ${shown(error.data)}`;
  if (error.keyword === 'format' || error.keyword === 'type' || error.keyword === 'minimum') return `${error.message}, got ${shown(error.data)}`;
  if (error.keyword === 'additionalProperties') return `${error.message}: ${String(error.params['additionalProperty'])}`;
  return error.message ?? error.keyword;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
