import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeCommandData, escapeCommandProperty, resumeCommands, stopCommands, toGitHubAnnotations } from '../../reports/github-annotations.js';
import { sampleOutcome, violation } from '../helpers/sample-outcome.js';

test("GitHub's escaping: % CR LF in messages; also : and , in properties", () => {
  assert.equal(escapeCommandData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
  assert.equal(escapeCommandProperty('a: b, c%\n'), 'a%3A b%2C c%25%0A');
});

test('an ::error per violation and tool error (one per fault, with how often it was seen), a ::warning per inconclusive result, a ::notice per known deviation', () => {
  const outcome = sampleOutcome({ findings: [{ ...violation, verdict: 'known-deviation' }, ...sampleOutcome().findings] });
  assert.deepEqual(toGitHubAnnotations(outcome), [
    '::error title=CONF_INTERNAL::the smoke suite stopped <oops>',
    '::error title=list-sorted-descending (GET /)::list-sorted-descending (GET /): violation [medium]: expected backupIds strictly descending, received 1 then 2 at position 1 <&"\'> (seen 2 times)',
    '::warning title=not-a-server-error (GET /)::not-a-server-error (GET /): inconclusive [high]: expected a non-5xx answer, received 503 (once) (seen 2 times)',
    '::notice title=list-sorted-descending (GET /)::list-sorted-descending (GET /): known deviation [medium]: expected backupIds strictly descending, received 1 then 2 at position 1 <&"\'> (seen 2 times)',
  ]);
});

test('a server cannot start a new workflow command from inside a finding', () => {
  const [line] = toGitHubAnnotations({ errors: [], findings: [{ ...violation, received: 'x\n::add-mask::secret\r\n::set-env name=A::1 50%' }] });
  assert.equal(line?.split('\n').length, 1);
  assert.ok(line?.includes('received x%0A::add-mask::secret%0D%0A::set-env name=A::1 50%25 (seen 2 times)'));
});

test('stop-commands and its resume share the token', () => {
  assert.equal(stopCommands('3f1c'), '::stop-commands::3f1c');
  assert.equal(resumeCommands('3f1c'), '::3f1c::');
});
