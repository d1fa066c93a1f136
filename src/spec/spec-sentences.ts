import { escapePointer } from './escape-pointer.js';

/** One sentence of the loaded document's prose, and the description it is written in. */
export interface SpecSentence {
  /** JSON pointer of the `description` that holds it, e.g. `#/components/schemas/BackupId/description`. */
  readonly pointer: string;
  /** The sentence with its whitespace collapsed, as written otherwise. */
  readonly text: string;
}

/**
 * Every sentence of every description under `paths` and `components`: the descriptions of the
 * operations, their responses and parameters, and of the schemas and their properties. Those are
 * where the document states behaviour or what a field means; `info` and `servers` describe the
 * document, not the API. A bullet item is a sentence of its own (the aggregation rule is a list).
 */
export function specSentences(document: unknown): SpecSentence[] {
  const sentences: SpecSentence[] = [];
  if (!isObject(document)) return sentences;
  // Meant for the document as written (`LoadedSpec.source`, with its $refs). A dereferenced one holds
  // a component wherever it is used: each object is read once, so its sentences are listed once.
  const seen = new WeakSet<object>();
  for (const top of ['paths', 'components'] as const) walk(document[top], `#/${top}`, sentences, seen);
  return sentences;
}

function walk(node: unknown, pointer: string, into: SpecSentence[], seen: WeakSet<object>): void {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, `${pointer}/${index}`, into, seen));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    // Examples are payloads, not prose: a `description` inside one is data.
    if (key === 'example' || key === 'examples') continue;
    const at = `${pointer}/${escapePointer(key)}`;
    if (key === 'description' && typeof value === 'string') {
      for (const text of splitSentences(value)) into.push({ pointer: at, text });
    } else {
      walk(value, at, into, seen);
    }
  }
}

/**
 * A description cut into sentences: bullet items apart, then at a full stop, colon, question or
 * exclamation mark followed by a capital letter or a quote. "info,\nsorted in descending order"
 * stays one sentence, as written.
 */
export function splitSentences(description: string): string[] {
  const items = description.split(/\n\s*[-*]\s+/);
  return items
    .flatMap((item) =>
      item
        .replace(/\s+/g, ' ')
        .trim()
        .split(/(?<=[.:!?])\s+(?=[A-Z'"‘“])/),
    )
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
