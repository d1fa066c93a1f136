import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchAction } from './action.js';
import type { BenchResult } from './bench-result.js';
import { benchCompare } from './compare.js';
import { benchGateCost } from './gate-cost.js';
import { benchMemory } from './memory.js';
import { benchOverhead } from './overhead.js';
import { benchReferenceServer } from './reference-server.js';
import { benchStartup } from './startup.js';
import { benchStateful } from './stateful.js';
import { benchValidation } from './validation.js';

// `npm run bench`: measures, prints a table, and records it in BENCHMARKS.md between the markers.
// Benchmarks report; nothing here fails a build.

const BENCHMARKS = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

const groups: [string, () => Promise<BenchResult[]>][] = [
  ['overhead', benchOverhead],
  ['start-up', benchStartup],
  ['GitHub Action', benchAction],
  ['stateful suite', benchStateful],
  ['a release gate', benchGateCost],
  ['validation', benchValidation],
  ['memory', benchMemory],
  ['reference server', benchReferenceServer],
  ['compare', benchCompare],
];

const rows: BenchResult[] = [];
for (const [name, bench] of groups) {
  process.stdout.write(`measuring ${name}…\n`);
  rows.push(...(await bench()));
}

const table = [
  '| measure | value | target | met |',
  '| --- | ---: | --- | --- |',
  ...rows.map((r) => `| ${r.name} | ${r.value} ${r.unit} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`),
].join('\n');
const cpu = cpus();
const machine = `Measured ${new Date().toISOString().slice(0, 10)} on Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB.`;
process.stdout.write(`\n${table}\n\n${machine}\n`);

const document = await readFile(BENCHMARKS, 'utf8').catch(() => `# Benchmarks\n\n${START}\n${END}\n`);
const from = document.indexOf(START);
const to = document.indexOf(END);
if (from < 0 || to < from) {
  process.stderr.write(`BENCHMARKS.md has no ${START} … ${END} section; the results were not recorded.\n`);
  process.exitCode = 1;
} else {
  await writeFile(BENCHMARKS, `${document.slice(0, from + START.length)}\n${machine}\n\n${table}\n${document.slice(to)}`);
  process.stdout.write('recorded in BENCHMARKS.md\n');
}
