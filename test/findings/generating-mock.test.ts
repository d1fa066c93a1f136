import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { resolveConfig } from '../../src/config.js';
import { formatFinding } from '../../src/findings/format-finding.js';
import { runConformance } from '../../src/run.js';
import type { RunOutcome } from '../../src/run-outcome.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { startGeneratingMock, type GeneratingMock } from '../helpers/generating-mock.js';

let mock: GeneratingMock;
let outcome: RunOutcome;
before(async () => {
  mock = await startGeneratingMock(7);
  // A deleted backup may come back in any answer: a short settle timeout bounds the wait for it to go.
  outcome = await runConformance(resolveConfig({ target: mock.url, runs: '3', maxCommands: '5', seed: '3', settleTimeout: '2s' }));
});
after(() => mock.close());

test('on a mock that generates every answer afresh, no rule has more findings than there are operations', async () => {
  const operations = (await bundledIndex()).operations.length;
  const perRule = new Map<string, number>();
  for (const finding of outcome.findings) perRule.set(finding.checkId, (perRule.get(finding.checkId) ?? 0) + 1);
  for (const [rule, count] of perRule) assert.ok(count <= operations, `${rule}: ${count} findings over ${operations} operations`);
  const aggregated = outcome.findings.filter((finding) => finding.checkId === 'backup-state-aggregated' && finding.verdict === 'violation');
  assert.ok(aggregated.length > 0, 'the mock broke no aggregation rule: the test proves nothing');
  for (const finding of aggregated) assert.match(formatFinding(finding), /in \d+ variants, e\.g\. [A-Z_]+-where-[A-Z_]+/);
});

test('no finding of such a mock has an empty replay or an empty partition list in its words', () => {
  for (const finding of outcome.findings) {
    const text = formatFinding(finding);
    assert.doesNotMatch(text, /partitions ,|partitions \n|partitions $/m, text);
    const commands = finding.reproduction.replay?.commands;
    if (commands !== undefined) assert.doesNotMatch(commands, /:\s*$/, text);
  }
});
