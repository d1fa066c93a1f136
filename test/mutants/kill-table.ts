import { correctVariants } from './correct-variants.js';
import { faultyVariants } from './faulty-variants.js';
import { runCatalog, type VariantResult } from './run-catalog.js';

// `npm run mutants`: runs the CLI against every variant of the catalog and prints the kill table.

const CONCURRENCY = 3;

function row(result: VariantResult): string {
  const expected = result.variant.expectedCheck ?? '(nothing)';
  const caughtBy = result.violations.length === 0 ? '-' : result.violations.join(', ');
  const verdict = result.variant.expectedCheck === undefined ? (result.ok ? 'clean' : 'FALSE ALARM') : result.ok ? 'killed' : 'SURVIVED';
  return `| ${result.variant.id} | ${result.variant.fault} | ${expected} | ${caughtBy} | ${verdict} | ${result.seconds.toFixed(1)} |`;
}

const started = performance.now();
process.stdout.write(`running ${faultyVariants.length + correctVariants.length} variants, ${CONCURRENCY} at a time…\n`);
const faulty = await runCatalog(faultyVariants, CONCURRENCY, (r) => process.stdout.write(`  ${r.ok ? '✔' : '✘'} ${r.variant.id}\n`));
const correct = await runCatalog(correctVariants, CONCURRENCY, (r) => process.stdout.write(`  ${r.ok ? '✔' : '✘'} ${r.variant.id}\n`));
process.stdout.write(
  [
    '',
    '| variant | fault | expected check | caught by | verdict | seconds |',
    '| --- | --- | --- | --- | --- | ---: |',
    ...faulty.map(row),
    ...correct.map(row),
    '',
  ].join('\n'),
);
const killed = faulty.filter((r) => r.ok).length;
const falseAlarms = correct.filter((r) => !r.ok).length;
process.stdout.write(
  `\nkilled ${killed}/${faulty.length}, false alarms ${falseAlarms}/${correct.length} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
);
process.exitCode = killed === faulty.length && falseAlarms === 0 ? 0 : 1;
