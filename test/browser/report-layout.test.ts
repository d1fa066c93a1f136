import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { toHtmlReport } from '../../reports/html-report.js';
import { resolveConfig } from '../../src/config.js';
import { runConformance } from '../../src/run.js';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { richOutcome } from '../reports/rich-outcome.js';
import { runTool } from './external-tool.js';
import { layoutFindings, withLayoutProbe, type LayoutFindings } from './layout-probe.js';

// Run by `npm run test:browser`: the layout is the browser's to compute.

const WIDTHS = [1280, 800] as const;

describe('the report of a failing run, laid out at 1280 px and 800 px', () => {
  let dir: string;
  const pages = new Map<string, string>();
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-layout-'));
    // A failing run on every operation: violations, inconclusive results and passes side by side.
    const server = await startReferenceServer({ settleMs: 5, quirks: 'zeebe-8.5', faults: ['partition-never-starts=2'] });
    try {
      const outcome = await runConformance(resolveConfig({ target: server.url, suites: ['inventory', 'smoke', 'negative'], negativeRuns: '5' }));
      assert.equal(outcome.exitCode, 1, 'the run fails');
      pages.set('a failing run', toHtmlReport(outcome));
    } finally {
      await server.close();
    }
    pages.set('a run with every verdict and hostile text', toHtmlReport(richOutcome()));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function laidOut(name: string, page: string, width: number): Promise<LayoutFindings> {
    const file = join(dir, `${name.replace(/\W+/g, '-')}-${width}.html`);
    await writeFile(file, withLayoutProbe(page));
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      `--user-data-dir=${join(dir, `profile-${width}`)}`,
      `--window-size=${width},1400`,
    ];
    const { stdout } = await runTool('chromium', [...args, '--dump-dom', pathToFileURL(file).href], 'chromium');
    const found = layoutFindings(stdout);
    assert.equal(found.width, width, 'the window has the width asked for');
    assert.ok(found.cells > 0, "the probe found the table's verdict cells");
    return found;
  }

  for (const width of WIDTHS) {
    test(`at ${width} px: the table fits its frame, every cell its column, every badge its finding`, async () => {
      for (const [name, page] of pages) assert.deepEqual((await laidOut(name, page, width)).problems, [], name);
    });
  }

  test('a rule id is read whole at 1280 px, and breaks at most once, at a hyphen, at 800 px', async () => {
    for (const [name, page] of pages) {
      const wide = await laidOut(name, page, 1280);
      assert.deepEqual(
        wide.ruleIdLines.filter(([, lines]) => lines !== 1),
        [],
        name,
      );
      const narrow = await laidOut(name, page, 800);
      assert.deepEqual(
        narrow.ruleIdLines.filter(([, lines]) => lines > 2),
        [],
        name,
      );
    }
  });
});
