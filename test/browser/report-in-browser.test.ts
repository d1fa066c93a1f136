import assert from 'node:assert/strict';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { toHtmlReport } from '../../reports/html-report.js';
import type { RunOutcome } from '../../src/run-outcome.js';
import { richOutcome } from '../reports/rich-outcome.js';
import { unsortedListRun } from '../reports/unsorted-list-run.js';
import { runTool } from './external-tool.js';

// Run by `npm run test:browser`, not `npm test`: these tests need Chromium (Debian's `chromium`,
// which .ci/run installs) and fail without it. `npm test` checks the same page with an HTML5 parser.

const distinctBackups = (outcome: RunOutcome) => new Set(outcome.timeline.map((event) => event.backupId)).size;
/** Text as a browser serialises it in --dump-dom (quotes stay as they are). */
const asDomText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('report.html in a browser', () => {
  let dir: string;
  let outcome: RunOutcome;
  before(async () => {
    ({ dir, outcome } = await unsortedListRun());
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const chromium = (profile: string, ...args: string[]) =>
    runTool(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${join(dir, profile)}`,
        ...args,
      ],
      'chromium',
    );

  test('the page a real run wrote shows the failing check, its curl line and a timeline lane per backup', async () => {
    const violation = outcome.findings.find((finding) => finding.verdict === 'violation');
    assert.equal(violation?.checkId, 'list-sorted-descending');
    const dom = (await chromium('dom', '--dump-dom', pathToFileURL(join(dir, 'report.html')).href)).stdout;
    assert.match(dom, /<span class="verdict-text">Not conformant<\/span>/);
    assert.match(dom, /<article class="finding violation" id="finding-1" data-check-id="list-sorted-descending">/);
    const curl = violation.reproduction.curl[0]!;
    assert.ok(dom.includes(asDomText(curl)), `the curl line ${curl} is not on the page`);
    assert.match(dom, /<svg class="timeline-chart"/);
    const lanes = [...dom.matchAll(/<g class="lane" data-backup-id="(\d+)">/g)].map((match) => match[1]);
    assert.ok(lanes.length > 0);
    assert.deepEqual(new Set(lanes), new Set(outcome.timeline.map((event) => event.backupId)));
    assert.equal(lanes.length, distinctBackups(outcome));
  });

  test("a hostile server's strings are text in the browser's DOM, not elements", async () => {
    const file = join(dir, 'hostile.html');
    await writeFile(file, toHtmlReport(richOutcome()));
    const dom = (await chromium('hostile', '--dump-dom', pathToFileURL(file).href)).stdout;
    assert.match(dom, /<article class="finding violation"/);
    assert.doesNotMatch(dom, /<script|<img/);
    assert.ok(dom.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  test('a screenshot of the page is a real picture, not a blank one', async () => {
    const png = join(dir, 'report.png');
    await chromium('shot', `--screenshot=${png}`, '--window-size=1280,2000', '--hide-scrollbars', pathToFileURL(join(dir, 'report.html')).href);
    const bytes = await readFile(png);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
    assert.equal(bytes.readUInt32BE(16), 1280);
    assert.equal(bytes.readUInt32BE(20), 2000);
    // A blank 1280×2000 page compresses to a few kilobytes; a page of text and colour to far more.
    assert.ok((await stat(png)).size > 40_000, `the screenshot is only ${(await stat(png)).size} bytes`);
  });
});
