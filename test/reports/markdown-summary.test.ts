import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_LISTED_FINDINGS, text, toMarkdownSummary } from '../../reports/markdown-summary.js';
import { sampleOutcome, violation } from '../helpers/sample-outcome.js';
import { HOSTILE, richOutcome } from './rich-outcome.js';

test('the verdict, the counts, a row per fault with how often it was seen, and its curl lines', () => {
  const summary = toMarkdownSummary(sampleOutcome({ errors: [], exitCode: 1 }));
  assert.match(summary, /^## ❌ Backup API conformance: Not conformant\n\nDoes not conform to the spec: 1 violation\.\n/);
  assert.match(summary, /\n\| 1 \| 1 \| 0 \| 0 \| 6 \| 9 \| 1\.2 s \|\n/);
  assert.match(
    summary,
    /\n\| ❌ violation \| <code>list-sorted-descending<\/code> \| <code>GET \/<\/code> \| backupIds strictly descending \| 1 then 2 at position 1 &lt;&amp;&quot;'&gt; \(seen 2 times\) \|\n/,
  );
  assert.match(summary, /\| ⚠️ inconclusive \| <code>not-a-server-error<\/code> /);
  assert.match(
    summary,
    /<details><summary>Reproduce list-sorted-descending \(GET \/\)<\/summary>\n\n```sh\ncurl -i -X GET -H 'accept: application\/json' http:\/\/127\.0\.0\.1:9600\/actuator\/backups\n```\n\n<\/details>/,
  );
});

test('a run that could not judge says so and lists the tool errors', () => {
  const summary = toMarkdownSummary(sampleOutcome());
  assert.match(summary, /^## ⛔ Backup API conformance: Could not judge/);
  assert.match(summary, /### Tool errors\n\n- <code>CONF\\_INTERNAL<\/code> in smoke: the smoke suite stopped &lt;oops&gt;/);
});

test("the server's text cannot break the table, add markup or end a code block", () => {
  const summary = toMarkdownSummary(
    richOutcome({ findings: [{ ...violation, received: `a | b\n# heading ${HOSTILE}`, reproduction: { curl: ['curl ```\n</details><script>'] } }] }),
  );
  const row = summary.split('\n').find((line) => line.startsWith('| ❌ violation'));
  assert.equal(row?.split(/(?<!\\)\|/).length, 7, row);
  assert.ok(!summary.includes('<script>') || summary.includes('````sh\ncurl ```\n</details><script>\n````'), 'markup outside a code block');
  assert.doesNotMatch(summary, /<img/);
  assert.equal(text('*a* _b_ [c](d) `e`'), '\\*a\\* \\_b\\_ \\[c\\]\\(d\\) \\`e\\`');
});

test('a flood of findings is cut to a readable table', () => {
  const findings = Array.from({ length: MAX_LISTED_FINDINGS + 7 }, (_, i) => ({ ...violation, received: `case ${i}` }));
  const summary = toMarkdownSummary(sampleOutcome({ findings }));
  assert.equal(summary.split('\n').filter((line) => line.startsWith('| ❌ violation')).length, MAX_LISTED_FINDINGS);
  assert.match(summary, /…and 7 more in findings\.json\./);
});
