import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { toHtmlReport } from '../../reports/html-report.js';
import { MAX_LANES } from '../../reports/html/timeline-svg.js';
import type { RunOutcome } from '../../src/run-outcome.js';
import { sampleOutcome } from '../helpers/sample-outcome.js';
import { xmlProblems } from '../helpers/xml-problems.js';
import { attribute, classes, closest, descendants, parseHtml, SVG_NAMESPACE, textContent, type Element, type HtmlTree } from './html-tree.js';
import { HOSTILE, richOutcome } from './rich-outcome.js';
import { unsortedListRun } from './unsorted-list-run.js';

const distinctBackups = (outcome: RunOutcome) => new Set(outcome.timeline.map((event) => event.backupId)).size;
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
    assert.match(
      page,
      /<tr data-check-id="response-schema-valid" data-status="passed">.*<span class="cell passed"[^>]*>✓ passed <span class="runs">×2<\/span>/,
    );
    assert.match(page, /<article class="finding violation" id="finding-1" data-check-id="list-sorted-descending">/);
  });

  test('each finding shows expected, received, the spec sentence and the curl lines; a stateful one its replay', () => {
    const page = toHtmlReport(richOutcome());
    assert.match(page, /<div class="label">Expected<\/div><p class="value">backupIds strictly descending<\/p>/);
    assert.match(page, /<code>#\/paths\/~1\/get\/description<\/code><blockquote>“sorted in descending order of backupId”<\/blockquote>/);
    assert.ok(page.includes('curl -i -X GET -H &#39;accept: application/json&#39; http://127.0.0.1:9600/actuator/backups'));
    assert.match(
      page,
      /<pre class="commands replay">npx conformance --target http:\/\/127.0.0.1:9600\/actuator\/backups --suite stateful --seed 1234567 --path 12:3<\/pre>/,
    );
    assert.match(page, /these 2 requests, in order:/);
    assert.match(
      page,
      /<span class="label">Known deviation<\/span><code>list-unsorted<\/code>: the list comes in hash order <span class="muted">\(source: BackupRequestHandler\.aggregateBackupList \(camunda\/zeebe@8\.5\.4\)\)<\/span>/,
    );
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
    const timeline = Array.from({ length: MAX_LANES + 3 }, (_, i) => ({
      atMs: i,
      backupId: String(100 + i),
      kind: 'take' as const,
      suite: 'stateful',
      operation: 'POST /',
      status: 202,
    }));
    const page = toHtmlReport(sampleOutcome({ timeline }));
    assert.equal(count(page, /<g class="lane" data-backup-id="/), MAX_LANES);
    assert.match(page, new RegExp(`Only the first ${MAX_LANES} of ${MAX_LANES + 3} backups are drawn; findings.json lists every event.`));
  });
});

/** Elements that load or run something, in HTML or in SVG. */
const ACTIVE_ELEMENTS = new Set([
  'script',
  'link',
  'img',
  'iframe',
  'frame',
  'object',
  'embed',
  'base',
  'audio',
  'video',
  'source',
  'track',
  'image',
  'form',
  'foreignObject',
]);
/** Attributes that name a resource to fetch or a place to go. */
const URL_ATTRIBUTES = new Set(['src', 'href', 'xlink:href', 'srcset', 'poster', 'data', 'action', 'formaction', 'background', 'ping']);
/** An external reference in CSS: an import, or a url() that is not a fragment of the page itself. */
const EXTERNAL_CSS = /@import|url\(\s*(?!["']?#)/i;

/** What in a parsed page would fetch, run or navigate to anything outside it. */
function externalReferences(tree: HtmlTree): string[] {
  const found: string[] = [];
  for (const element of tree.elements) {
    if (ACTIVE_ELEMENTS.has(element.tagName)) found.push(`<${element.tagName}>`);
    for (const attr of element.attrs) {
      const name = attr.prefix === undefined ? attr.name : `${attr.prefix}:${attr.name}`;
      if (/^on/i.test(name)) found.push(`${name} on <${element.tagName}>`);
      if (URL_ATTRIBUTES.has(name) && !attr.value.startsWith('#')) found.push(`${name}="${attr.value}" on <${element.tagName}>`);
      if (name === 'style' && EXTERNAL_CSS.test(attr.value)) found.push(`style="${attr.value}" on <${element.tagName}>`);
    }
    if (element.tagName === 'style' && EXTERNAL_CSS.test(textContent(element))) found.push('an external reference in <style>');
    if (element.tagName === 'meta' && attribute(element, 'http-equiv')?.toLowerCase() === 'refresh') found.push('<meta http-equiv="refresh">');
  }
  return found;
}

/** Each link from the table of checks, with the row's check, the cell's verdict and the element it points to. */
function cellLinks(tree: HtmlTree): { checkId: string | undefined; verdict: string | undefined; target: Element | undefined; href: string }[] {
  const byId = new Map(
    tree.elements.flatMap((element) => {
      const id = attribute(element, 'id');
      return id === undefined ? [] : [[id, element] as const];
    }),
  );
  return tree.elements
    .filter((element) => element.tagName === 'a' && classes(element).includes('cell'))
    .map((link) => {
      const href = attribute(link, 'href') ?? '';
      const row = closest(link, 'tr');
      return {
        checkId: row && attribute(row, 'data-check-id'),
        verdict: classes(link).find((name) => name !== 'cell'),
        target: href.startsWith('#') ? byId.get(href.slice(1)) : undefined,
        href,
      };
    });
}

/** Every cell of the table of checks that shows a verdict other than passed. */
function failingCells(tree: HtmlTree): Element[] {
  return tree.elements.filter((element) => classes(element).includes('cell') && !classes(element).some((name) => name === 'passed' || name === 'none'));
}

function timelineChart(tree: HtmlTree): Element {
  const charts = tree.elements.filter((element) => element.tagName === 'svg' && classes(element).includes('timeline-chart'));
  assert.equal(charts.length, 1, 'one timeline chart');
  return charts[0]!;
}

describe('report.html read by an HTML5 parser', () => {
  let dir: string;
  let outcome: RunOutcome;
  let written: string;
  before(async () => {
    ({ dir, outcome } = await unsortedListRun());
    written = await readFile(join(dir, 'report.html'), 'utf8');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('the page a real run wrote parses without a single HTML5 parse error, in standards mode', () => {
    for (const page of [written, toHtmlReport(richOutcome()), toHtmlReport(sampleOutcome())]) {
      const tree = parseHtml(page);
      assert.deepEqual(tree.parseErrors, []);
      assert.equal(tree.mode, 'no-quirks');
    }
  });

  test('is self-contained: no script, no event handler, nothing fetched and no link out of the page', () => {
    for (const page of [written, toHtmlReport(richOutcome())]) {
      const tree = parseHtml(page);
      assert.deepEqual(externalReferences(tree), []);
      const policy = tree.elements.find((element) => element.tagName === 'meta' && attribute(element, 'http-equiv') === 'Content-Security-Policy');
      assert.equal(policy && attribute(policy, 'content'), "default-src 'none'; style-src 'unsafe-inline'");
    }
  });

  test('the self-containment check bites: a script, a stylesheet, an image and a handler are each found', () => {
    const page = written.replace(
      '</body>',
      '<script>1</script><link rel="stylesheet" href="https://example.com/a.css"><img src="https://example.com/x.png"><p style="background: url(https://example.com/x.png)" onclick="x()"></p></body>',
    );
    assert.deepEqual(externalReferences(parseHtml(page)), [
      '<script>',
      '<link>',
      'href="https://example.com/a.css" on <link>',
      '<img>',
      'src="https://example.com/x.png" on <img>',
      'style="background: url(https://example.com/x.png)" on <p>',
      'onclick on <p>',
    ]);
  });

  test('every failing cell of the table links to a finding on the page, of its check and its verdict', () => {
    for (const [name, page] of [
      ['the real run', written],
      ['the rich outcome', toHtmlReport(richOutcome())],
    ] as const) {
      const tree = parseHtml(page);
      const links = cellLinks(tree);
      assert.ok(links.length > 0, `${name}: no failing cell is linked`);
      assert.equal(links.length, failingCells(tree).length, `${name}: a failing cell is not a link`);
      for (const { checkId, verdict, target, href } of links) {
        assert.ok(target !== undefined, `${name}: ${checkId} links to ${href}, which is not on the page`);
        assert.equal(target.tagName, 'article');
        assert.equal(attribute(target, 'data-check-id'), checkId, `${name}: ${href}`);
        assert.ok(
          classes(target).includes(verdict ?? ''),
          `${name}: a ${verdict} cell of ${checkId} links to a finding of class ${attribute(target, 'class')}`,
        );
      }
    }
    const violation = cellLinks(parseHtml(written)).find((link) => link.checkId === 'list-sorted-descending');
    assert.equal(violation?.verdict, 'violation');
    const dangling = cellLinks(parseHtml(written.replace(`href="${violation.href}"`, 'href="#finding-999"')));
    assert.ok(
      dangling.some((link) => link.target === undefined),
      'a link to a finding that is not on the page goes unnoticed',
    );
  });

  test('the timeline is an SVG element, well-formed XML, with one lane per backup the run took', async () => {
    for (const [page, source] of [
      [written, outcome],
      [toHtmlReport(richOutcome()), richOutcome()],
    ] as const) {
      const chart = timelineChart(parseHtml(page));
      assert.equal(chart.namespaceURI, SVG_NAMESPACE);
      assert.match(attribute(chart, 'viewBox') ?? '', /^0 0 \d+(?:\.\d+)? \d+(?:\.\d+)?$/);
      const location = chart.sourceCodeLocation;
      assert.ok(location?.endTag !== undefined, 'the <svg> element is closed');
      assert.equal(await xmlProblems(page.slice(location.startOffset, location.endOffset)), '');
      const lanes = descendants(chart).filter((element) => element.tagName === 'g' && classes(element).includes('lane'));
      assert.ok(lanes.length > 0);
      assert.equal(lanes.length, distinctBackups(source));
      assert.deepEqual(new Set(lanes.map((lane) => attribute(lane, 'data-backup-id'))), new Set(source.timeline.map((event) => event.backupId)));
    }
  });

  test('the well-formedness check bites: an SVG element left open is reported', async () => {
    const problems = await xmlProblems('<svg xmlns="http://www.w3.org/2000/svg"><g><rect width="1"></g></svg>');
    assert.match(problems, /Opening and ending tag mismatch: rect/);
  });

  test("a hostile server's strings are text in the parsed page and its SVG, never elements", () => {
    const tree = parseHtml(toHtmlReport(richOutcome()));
    assert.deepEqual(
      tree.elements.filter((element) => element.tagName === 'script' || element.tagName === 'img').map((element) => element.tagName),
      [],
    );
    const findings = tree.elements.filter((element) => element.tagName === 'article' && attribute(element, 'data-check-id') === 'response-schema-valid');
    assert.ok(
      findings.some((finding) => textContent(finding).includes(HOSTILE)),
      'the payload is not shown as text in its finding',
    );
    assert.ok(textContent(timelineChart(tree)).includes(HOSTILE), 'the partition state carrying markup is not text in the timeline');
  });
});
