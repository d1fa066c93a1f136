import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import { DEFAULTS } from '../../src/config.js';
import { isRuleId } from '../../src/rules/rules.js';
import { decideSentences, sentenceDecisions } from '../../src/rules/sentence-decisions.js';
import { loadSpec, type LoadedSpec } from '../../src/spec/load-spec.js';
import { splitSentences } from '../../src/spec/spec-sentences.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function noteAnchors(): Set<string> {
  const headings = readFileSync(join(root, 'spec/NOTES.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('## '));
  return new Set(
    headings.map((line) =>
      line
        .slice(3)
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

describe('every prose sentence of the spec is a rule or a decision', () => {
  let spec: LoadedSpec;
  before(async () => {
    spec = await loadSpec(DEFAULTS.specPath, { trusted: true });
  });

  test('each sentence of the bundled spec is mapped to a rule or to a spec/NOTES.md entry', () => {
    const sentences = decideSentences(spec.source);
    assert.ok(sentences.length >= 50, `the bundled spec's descriptions hold ${sentences.length} sentences`);
    const undecided = sentences.filter((sentence) => sentence.decision === undefined).map((sentence) => `${sentence.pointer}: ${sentence.text}`);
    assert.deepEqual(undecided, []);
  });

  test('the property sentences of PartitionBackupInfo and BackupInfo are read one by one', () => {
    const properties = decideSentences(spec.source).filter((sentence) => /schemas\/(PartitionBackupInfo|BackupInfo)\/properties\//.test(sentence.pointer));
    assert.deepEqual([...new Set(properties.map((sentence) => sentence.pointer.split('/').at(-2)))].sort(), [
      'brokerId',
      'brokerVersion',
      'checkpointPosition',
      'createdAt',
      'details',
      'failureReason',
      'lastUpdatedAt',
      'snapshotId',
    ]);
    const snapshot = properties.find((sentence) => sentence.pointer.includes('/snapshotId/'));
    assert.deepEqual(snapshot?.decision, { enforcedBy: ['backup-facts-fixed'] });
  });

  test('a sentence no decision names is reported undecided, not silently passed', () => {
    const document = { components: { schemas: { Extra: { description: 'A backup is kept for 30 days.' } } } };
    const [sentence] = decideSentences(document);
    assert.equal(sentence?.text, 'A backup is kept for 30 days.');
    assert.equal(sentence?.pointer, '#/components/schemas/Extra/description');
    assert.equal(sentence?.decision, undefined);
  });

  test('every decision names rules of the catalogue or an existing spec/NOTES.md section', () => {
    const anchors = noteAnchors();
    for (const [text, decision] of sentenceDecisions) {
      if ('note' in decision) assert.ok(anchors.has(decision.note), `${text}: spec/NOTES.md#${decision.note}`);
      else {
        assert.ok(decision.enforcedBy.length > 0, text);
        for (const id of decision.enforcedBy) assert.ok(isRuleId(id), `${text}: ${id}`);
      }
    }
  });
});

describe('splitSentences', () => {
  test('bullets are sentences of their own, and a line break inside a sentence is a space', () => {
    assert.deepEqual(splitSentences("Detailed status. It is computed as:\n- If 'A', then 'B'.\n- Otherwise, 'C'.\n"), [
      'Detailed status.',
      'It is computed as:',
      "If 'A', then 'B'.",
      "Otherwise, 'C'.",
    ]);
    assert.deepEqual(splitSentences('Returns all backups,\nsorted by id.\n'), ['Returns all backups, sorted by id.']);
    assert.deepEqual(splitSentences('e.g. changed state. Next'), ['e.g. changed state.', 'Next']);
  });
});
