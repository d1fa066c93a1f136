import type { OperationIndex } from '../spec/index-operations.js';

/** How deep a response schema is walked: the spec's bodies nest three levels. */
const MOST_DEPTH = 8;

/**
 * The paths (`.state`, `.details[].state`, `[].state`) whose values the spec enumerates in a
 * response schema of any operation: their values mean something as they are, where other values
 * (timestamps, positions, texts) differ between servers by design.
 */
export function enumPaths(index: OperationIndex): Set<string> {
  const paths = new Set<string>();
  for (const operation of index.operations) for (const response of operation.responses) collect(response.jsonSchema, '', paths, 0);
  return paths;
}

function collect(schema: unknown, path: string, into: Set<string>, depth: number): void {
  if (typeof schema !== 'object' || schema === null || depth > MOST_DEPTH) return;
  const node = schema as { enum?: unknown; properties?: Record<string, unknown>; items?: unknown; allOf?: unknown[]; oneOf?: unknown[]; anyOf?: unknown[] };
  if (Array.isArray(node.enum)) into.add(path);
  for (const [name, child] of Object.entries(node.properties ?? {})) collect(child, `${path}.${name}`, into, depth + 1);
  if (node.items !== undefined) collect(node.items, `${path}[]`, into, depth + 1);
  for (const part of [...(node.allOf ?? []), ...(node.oneOf ?? []), ...(node.anyOf ?? [])]) collect(part, path, into, depth + 1);
}
