import { ConformanceError } from './errors.js';
import { FLAGS, type Flag } from './flags.js';

/**
 * The CLI's arguments for the GitHub Action's inputs (each flag's input has its name): an empty input is a flag not
 * given, a switch takes 'true' or 'false', a repeatable flag one value a line. `--yes` always: a CI job cannot answer
 * the question a run asks before it writes to a target.
 */
export function actionArgs(inputs: Readonly<Record<string, unknown>>): string[] {
  const args = ['--yes'];
  for (const entry of FLAGS as readonly Flag[]) {
    const value = inputs[entry.name];
    if (entry.notInAction !== undefined || typeof value !== 'string' || value.trim() === '') continue;
    if (entry.kind === 'switch') {
      if (!/^(true|false)$/.test(value.trim())) {
        throw new ConformanceError('CONF_USAGE', `The input ${entry.name} takes 'true' or 'false', not ${JSON.stringify(value.slice(0, 40))}.`);
      }
      if (value.trim() === 'true') args.push(`--${entry.name}`);
    } else if (entry.kind === 'list') {
      for (const line of value.split('\n').filter((text) => text.trim() !== '')) args.push(`--${entry.name}`, line.trim());
    } else {
      args.push(`--${entry.name}`, value);
    }
  }
  return args;
}
