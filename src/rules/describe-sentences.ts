import { decideSentences } from './sentence-decisions.js';

/** A sentence of the loaded document's prose as `conformance rules` shows it, with what the suite does with it. */
export interface SentenceDescription {
  /** JSON pointer (`#/...`) of the description that holds it, in the document as written. */
  readonly pointer: string;
  readonly text: string;
  /** The rules that enforce it. */
  readonly enforcedBy?: readonly string[];
  /** The spec/NOTES.md section that says why no rule enforces it, or why it is only inconclusive. */
  readonly note?: string;
  /** Set when neither: no rule reads the sentence and no note says why. */
  readonly undecided?: true;
}

/** Every sentence of the document's descriptions (meant for the document as written, with its $refs). */
export function describeSentences(source: unknown): SentenceDescription[] {
  return decideSentences(source).map(({ pointer, text, decision }) => {
    if (decision === undefined) return { pointer, text, undecided: true };
    if ('note' in decision) return { pointer, text, note: `spec/NOTES.md#${decision.note}` };
    return { pointer, text, enforcedBy: decision.enforcedBy };
  });
}

/** The sentence table for people: a count, then each sentence under its pointer with the rules or the note. */
export function formatSentences(sentences: readonly SentenceDescription[]): string {
  const enforced = sentences.filter((s) => s.enforcedBy !== undefined).length;
  const noted = sentences.filter((s) => s.note !== undefined).length;
  const undecided = sentences.length - enforced - noted;
  const lines = [
    `${sentences.length} sentences in the spec's descriptions: ${enforced} enforced by rules, ${noted} decided in spec/NOTES.md, ${undecided} undecided.`,
  ];
  for (const s of sentences) {
    lines.push(`${s.pointer} “${s.text}”`);
    if (s.enforcedBy !== undefined) lines.push(`  enforced by: ${s.enforcedBy.join(', ')}`);
    else if (s.note !== undefined) lines.push(`  not enforced: ${s.note}`);
    else lines.push('  UNDECIDED: no rule reads this sentence and spec/NOTES.md does not say why');
  }
  return lines.join('\n');
}
