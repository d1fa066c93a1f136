import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { compareUsage, defaultText, runUsage } from '../src/cli-usage.js';
import { COMPARE_FLAGS, FLAG_TABLE, FLAGS, type Flag } from '../src/flags.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's options table: for each flag its cell names, the placeholder and the default cell of its row. */
function readmeOptions(): Map<string, { value: string | undefined; default: string }> {
  const section = /\n## Options\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| `--'));
  assert.ok(rows.length > 0, 'the README has an options table under ## Options');
  const options = new Map<string, { value: string | undefined; default: string }>();
  for (const row of rows) {
    const [flags = '', defaultCell = ''] = row.split(' | ');
    for (const [, name, value] of flags.matchAll(/`--([a-z][\w-]*)(?: ([^`]+))?`/g)) {
      options.set(name!, { value, default: defaultCell.replaceAll('`', '').trim() });
    }
  }
  return options;
}

describe('the flag table', () => {
  const table = FLAGS as readonly Flag[];

  test("the README's options table lists every flag of the table, and only those, with its placeholder and default", () => {
    const documented = readmeOptions();
    const missing = table.filter((entry) => !documented.has(entry.name)).map((entry) => `--${entry.name}`);
    const extra = [...documented.keys()].filter((name) => !table.some((entry) => entry.name === name)).map((name) => `--${name}`);
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, 'update the README options table (## Options) to the flag table in src/flags.ts');
    for (const entry of table) {
      const row = documented.get(entry.name)!;
      assert.equal(row.value, entry.value, `README: --${entry.name} takes ${entry.value ?? 'no value'}`);
      const shown = defaultText(entry);
      if (shown !== undefined) assert.equal(row.default, shown, `README: the default of --${entry.name} is ${shown}`);
    }
  });

  test('the help has a line for every flag, with its default where it has one', () => {
    for (const entry of table) {
      const line = runUsage.split('\n').find((text) => text.startsWith(`  --${entry.name} `) || text === `  --${entry.name}`);
      assert.ok(line !== undefined, `--help lists --${entry.name}`);
      const shown = defaultText(entry);
      if (shown !== undefined && entry.help.includes('{default}')) assert.ok(runUsage.includes(entry.help.split('{default}')[0]!.split('\n').pop()! + shown));
    }
    assert.doesNotMatch(runUsage, /\{default\}/);
  });

  test('a numeric flag has its bounds, a flag that shows a default has one, an option name is used once', () => {
    for (const entry of table) {
      if (['count', 'number', 'duration'].includes(entry.kind)) assert.ok(entry.max !== undefined, `--${entry.name} has a maximum`);
      if (entry.kind === 'count') assert.ok(entry.min !== undefined, `--${entry.name} has a minimum`);
      if (entry.help.includes('{default}')) assert.ok(entry.default !== undefined, `--${entry.name} has the default its help shows`);
      if (entry.kind === 'switch' || entry.kind === 'list') assert.equal(entry.default, undefined, `--${entry.name}`);
    }
    const options = table.flatMap((entry) => (entry.option === undefined ? [] : [entry.option]));
    assert.equal(new Set(options).size, options.length);
    assert.equal(new Set(table.map((entry) => entry.name)).size, table.length);
  });

  test("compare's flags are rows of the same table: its help lists each, with compare's words where a run's would mislead", () => {
    const compare = COMPARE_FLAGS as readonly Flag[];
    assert.deepEqual(
      compare.map((entry) => entry.name),
      ['target', 'against', 'noise', 'noise-pass', 'spec', 'out', 'timeout', 'max-body-bytes', 'settle-timeout', 'yes', 'header', 'quiet', 'help'],
    );
    for (const entry of compare) {
      const line = compareUsage.split('\n').find((text) => text.startsWith(`  --${entry.name} `) || text === `  --${entry.name}`);
      assert.ok(line !== undefined, `compare --help lists --${entry.name}`);
      assert.ok(line.includes((entry.compareHelp ?? entry.help).split('\n')[0]!.split('{default}')[0]!), line);
    }
    assert.match(compareUsage, /^ {2}--out DIR +write compare\.json and compare\.html there$/m);
    assert.doesNotMatch(compareUsage, /\{default\}|report\.html/);
  });

  test("a run takes no compare-only flag, so neither its help, its options nor the Action's inputs gain one", () => {
    const compareOnly = (FLAG_TABLE as readonly Flag[]).filter((entry) => !table.includes(entry)).map((entry) => entry.name);
    assert.deepEqual(compareOnly, ['against', 'noise', 'noise-pass']);
    const runOptionLines = runUsage.split('\n').filter((line) => line.startsWith('  --'));
    for (const name of compareOnly) assert.ok(!runOptionLines.some((line) => line.startsWith(`  --${name} `) || line === `  --${name}`), `--${name}`);
  });
});
