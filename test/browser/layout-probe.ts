/**
 * A script for a copy of report.html that measures its layout in the browser and writes what it
 * found into the page as JSON (`<pre id="layout-probe">`), for --dump-dom to hand back: the checks
 * table against its frame, each verdict cell against its column, each badge against its finding
 * card, the page against the window, and how many lines each rule id of the table takes.
 */
export const LAYOUT_PROBE = `(() => {
  const right = (element) => element.getBoundingClientRect().right;
  const problems = [];
  const frame = document.querySelector('.table-wrap');
  const table = document.querySelector('table.checks');
  if (table.scrollWidth > frame.clientWidth + 1) problems.push('the checks table is ' + table.scrollWidth + ' px wide in a frame of ' + frame.clientWidth);
  for (const cell of document.querySelectorAll('table.checks .cell')) {
    const column = cell.closest('td');
    if (right(cell) > right(column) + 0.5) problems.push('the cell "' + cell.textContent + '" runs ' + Math.round(right(cell) - right(column)) + ' px past its column');
  }
  for (const badge of document.querySelectorAll('.finding-head > *')) {
    const card = badge.closest('.finding');
    if (right(badge) > right(card) + 0.5) problems.push('"' + badge.textContent + '" runs past the right edge of its finding');
  }
  if (document.documentElement.scrollWidth > window.innerWidth) problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a window of ' + window.innerWidth);
  const ruleIdLines = [...document.querySelectorAll('table.checks tbody th code')].map((code) => [code.textContent, code.getClientRects().length]);
  const out = document.createElement('pre');
  out.id = 'layout-probe';
  out.textContent = JSON.stringify({ width: window.innerWidth, cells: document.querySelectorAll('table.checks .cell').length, problems, ruleIdLines });
  document.body.append(out);
})();`;

export interface LayoutFindings {
  readonly width: number;
  readonly cells: number;
  readonly problems: readonly string[];
  readonly ruleIdLines: readonly (readonly [string, number])[];
}

/** The probe's findings in a page as Chromium's --dump-dom serialises it. */
export function layoutFindings(dom: string): LayoutFindings {
  const match = /<pre id="layout-probe">([^<]*)<\/pre>/.exec(dom);
  if (match === null) throw new Error('the layout probe did not run: the page has no #layout-probe');
  const text = (match[1] as string)
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return JSON.parse(text) as LayoutFindings;
}

/**
 * The page with the probe appended. The report's Content-Security-Policy allows no script, rightly;
 * the copy drops it so that the probe can run, and changes nothing else.
 */
export function withLayoutProbe(page: string): string {
  const open = page.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  if (open === page) throw new Error('the report has no Content-Security-Policy to lift: the probe would not know what it measures');
  return open.replace('</body>', `<script>${LAYOUT_PROBE}</script></body>`);
}
