// The GitHub Action's command: its inputs, all of them as JSON in CONFORMANCE_INPUTS (action.yml passes
// `toJSON(inputs)`), become the CLI's flags by the flag table, and the CLI runs as if they had been typed.
// No input is ever spliced into a shell script, so no value can run as shell code.
import { actionArgs } from './action-args.js';
import { ConformanceError } from './errors.js';

try {
  const inputs: unknown = JSON.parse(process.env['CONFORMANCE_INPUTS'] ?? '{}');
  process.argv = [process.argv[0]!, process.argv[1]!, ...actionArgs(typeof inputs === 'object' && inputs !== null ? (inputs as Record<string, unknown>) : {})];
  await import('./cli.js');
} catch (error) {
  if (!(error instanceof ConformanceError || error instanceof SyntaxError)) throw error;
  process.stderr.write(`error: ${error.message}\n`);
  process.exitCode = 2;
}
