import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { toHtmlReport } from '../../reports/html-report.js';
import { MAX_LANES } from '../../reports/html/timeline-svg.js';
import { writeReports } from '../../reports/write-reports.js';
import { resolveConfig } from '../../src/config.js';
import type { RunOutcome } from '../../src/run-outcome.js';
import { runConformance } from '../../src/run.js';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { sampleOutcome } from '../helpers/sample-outcome.js';
import { runTool } from './external-tool.js';
import { HOSTILE, richOutcome } from './rich-outcome.js';

const distinctBackups = (outcome: RunOutcome) => new Set(outcome.timeline.map((event) => event.backupId)).size;
/** Text as a browser serialises it in --dump-dom (quotes stay as they are). */
const asDomText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const count = (text: string, pattern: RegExp) => [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))].length;

describe('toHtmlReport', () => {
  test('is one self-contained page: inline style, no script, nothing fetched', () => {
    const page = toHtmlReport(richOutcome());
    assert.match(page, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(page, /<style>[^]*prefers-color-scheme: dark[^]*<\/style>/);
    assert.doesNotMatch(page, /<script|<link|<img|<iframe|@import|url\(["']?(?!#)/i);
    assert.doesNotMatch(page, /\b(?:src|href)="(?!#)/);
    assert.match(page, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
  });

  test("escapes every string the server controls, so a hostile server's text stays text", () => {
    const page = toHtmlReport(richOutcome());
    assert.ok(!page.includes(HOSTILE), 'the payload appears unescaped');
    assert.ok(page.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;'));
    assert.equal(count(page, /<script/), 0);
    assert.equal(count(page, /<img/), 0);
  });

  test('the verdict, the counts and what the server was held to come first', () => {
    const page = toHtmlReport(richOutcome({ exitCode: 1, errors: [] }));
    const header = page.slice(page.indexOf('<header'), page.indexOf('</header>'));
    assert.match(header, /class="verdict v-fail"/);
    assert.match(header, /<span class="verdict-text">Not conformant<\/span>/);
    assert.match(header, /<strong>3<\/strong>violations/);
    assert.match(header, /data-profile="zeebe-8.5">Zeebe 8.5 behaviour/);
    assert.ok(page.indexOf('<header') < page.indexOf('id="checks"'));
    assert.match(toHtmlReport(sampleOutcome({ findings: [], errors: [], exitCode: 0 })), /<span class="verdict-text">Conformant<\/span>[^]*held to the spec/);
    assert.match(toHtmlReport(sampleOutcome()), /<span class="verdict-text">Could not judge<\/span>[^]*id="tool-errors"[^]*CONF_INTERNAL/);
    assert.match(toHtmlReport(sampleOutcome({ interrupted: 'max-duration' })), /Stopped early \(--max-duration reached\): this report is partial/);
  });

  test('the table of checks has a row per check and a cell per operation, failing cells linked to their finding', () => {
    const page = toHtmlReport(sampleOutcome());
    assert.equal(count(page, /<tr data-check-id="/), 3);
    assert.match(page, /<tr data-check-id="list-sorted-descending" data-status="violation">.*<a class="cell violation" href="#finding-1"/);
    assert.match(page, /<tr data-check-id="response-schema-valid" data-status="passed">.*<span class="cell passed"[^>]*>✓ passed <span class="runs">×2<\/span>/);
    assert.match(page, /<article class="finding violation" id="finding-1" data-check-id="list-sorted-descending">/);
  });

  test('each finding shows expected, received, the spec sentence and the curl lines; a stateful one its replay', () => {
    const page = toHtmlReport(richOutcome());
    assert.match(page, /<div class="label">Expected<\/div><p class="value">backupIds strictly descending<\/p>/);
    assert.match(page, /<code>#\/paths\/~1\/get\/description<\/code><blockquote>“sorted in descending order of backupId”<\/blockquote>/);
    assert.ok(page.includes("curl -i -X GET -H &#39;accept: application/json&#39; http://127.0.0.1:9600/actuator/backups"));
    assert.match(page, /<pre class="commands replay">npx conformance --target http:\/\/127.0.0.1:9600\/actuator\/backups --suite stateful --seed 1234567 --path 12:3<\/pre>/);
    assert.match(page, /these 2 requests, in order:/);
    assert.match(page, /<span class="label">Known deviation<\/span><code>list-unsorted<\/code>: the list comes in hash order <span class="muted">\(source: BackupRequestHandler\.aggregateBackupList \(camunda\/zeebe@8\.5\.4\)\)<\/span>/);
  });

  test('violations come before inconclusive results, and those before known deviations', () => {
    const page = toHtmlReport(richOutcome());
    const verdicts = [...page.matchAll(/<article class="finding ([a-z-]+)"/g)].map((match) => match[1]);
    assert.deepEqual(verdicts, ['violation', 'violation', 'violation', 'inconclusive', 'known-deviation']);
  });

  test('the timeline draws one lane per backup the run took', () => {
    const outcome = richOutcome();
    const page = toHtmlReport(outcome);
    assert.equal(count(page, /<g class="lane" data-backup-id="/), distinctBackups(outcome));
    const lane = (id: string) => page.slice(page.indexOf(`<g class="lane" data-backup-id="${id}">`)).split('</g>\n</g>')[0]!;
    assert.match(lane('1002'), /<text [^>]*>deleted<\/text><text class="was" [^>]*>was IN_PROGRESS<\/text>/, 'a stalled backup does not say where it stalled');
    assert.match(lane('1002'), /<title>backup 1002, partition 2: IN_PROGRESS from 1\.100 s to 5\.400 s \(4 events\)<\/title>/);
    assert.match(lane('1004'), /take refused \(409\)/);
    assert.equal(count(lane('1006'), /class="band partition /), 4 + 8 * 2, 'twelve partitions: four COMPLETED throughout, eight in two states');
    assert.match(toHtmlReport(sampleOutcome({ timeline: [] })), /The run took no backups/);
  });

  test('a run with more backups than the chart holds draws the first ones and says so', () => {
    const timeline = Array.from({ length: MAX_LANES + 3 }, (_, i) => ({ atMs: i, backupId: String(100 + i), kind: 'take' as const, suite: 'stateful', operation: 'POST /', status: 202 }));
    const page = toHtmlReport(sampleOutcome({ timeline }));
    assert.equal(count(page, /<g class="lane" data-backup-id="/), MAX_LANES);
    assert.match(page, new RegExp(`Only the first ${MAX_LANES} of ${MAX_LANES + 3} backups are drawn; findings.json lists every event.`));
  });
});

describe('report.html in a browser', () => {
  let dir: string;
  let outcome: RunOutcome;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-html-'));
    const server = await startReferenceServer({ settleMs: 0, seedBackups: [{ id: 1 }, { id: 2 }], behaviour: { orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? -1 : 1)) } });
    try {
      outcome = await runConformance(resolveConfig({ target: server.url, suites: ['smoke'] }));
    } finally {
      await server.close();
    }
    await writeReports(dir, outcome);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const chromium = (profile: string, ...args: string[]) =>
    runTool('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, profile)}`, ...args], 'chromium');

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
