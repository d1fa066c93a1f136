import { Ajv, type FormatDefinition } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import ajvFormats from 'ajv-formats';
import { withFastDateTime } from './date-time-format.js';

// ajv-formats is CommonJS whose module object is also the plugin; TypeScript under NodeNext types
// the default import as the module, so name the function type explicitly.
const addFormats = ajvFormats as unknown as FormatsPlugin;

/**
 * One ajv instance for the whole run, in strict mode. OpenAPI 3.0 words that are not JSON Schema
 * keywords are declared rather than silenced with `strict: false`, so typos in a spec still fail.
 * Library warnings go to `warnings` instead of the console. `verbose` keeps the offending value
 * on each error, so a finding can say what was received.
 */
export function createAjv(warnings: string[] = []): Ajv {
  const collect = (...args: unknown[]): void => {
    warnings.push(args.join(' '));
  };
  const ajv = new Ajv({ allErrors: true, verbose: true, logger: { log: collect, warn: collect, error: collect } });
  addFormats(ajv);
  const dateTime = addFormats.get('date-time') as FormatDefinition<string>;
  ajv.addFormat('date-time', { ...dateTime, validate: withFastDateTime(dateTime.validate as (text: string) => boolean) });
  ajv.addVocabulary(['example', 'xml', 'externalDocs', 'discriminator']);
  return ajv;
}
