import { COMPARE_FLAGS, FLAGS, type Command, type Flag } from './flags.js';
import { formatDuration } from './format-duration.js';

/** The width of the flag column in the help, before its text. */
const FLAG_COLUMN = 22;

/** A flag's line(s) in a command's help: a placeholder too long for the column is shortened to its first three letters. */
function usageLines(entry: Flag, command: Command): string {
  const full = entry.value === undefined ? `--${entry.name}` : `--${entry.name} ${entry.value}`;
  const shown = full.length > FLAG_COLUMN && entry.value !== undefined ? `--${entry.name} ${entry.value.slice(0, 3)}` : full;
  const text = command === 'compare' ? (entry.compareHelp ?? entry.help) : entry.help;
  const help = text.replace('{default}', defaultText(entry) ?? '');
  return `  ${shown.padEnd(FLAG_COLUMN + 2)}${help.split('\n').join(`\n${' '.repeat(FLAG_COLUMN + 4)}`)}`;
}

/** A flag's default as the help and the README write it (durations in their units), or undefined if it has none. */
export function defaultText(entry: Flag): string | undefined {
  if (entry.default === undefined) return undefined;
  return entry.kind === 'duration' ? formatDuration(entry.default as number) : String(entry.default);
}

/** The text of `conformance --help`: its options are the flag table's. */
export const runUsage = `Usage: conformance [options]
       conformance serve [options]     (run the reference server alone; see conformance serve --help)
       conformance rules [--json]      (list every rule the suite checks; see conformance rules --help)
       conformance compare --target A --against B   (what B answers differently; see conformance compare --help)

Checks a Zeebe Backup Management API server against its OpenAPI spec and the rules the spec
states in prose. Without --target it tests the embedded reference server.

Options:
${FLAGS.map((entry) => usageLines(entry, 'run')).join('\n')}

Exit codes: 0 conformant, 1 at least one violation, 2 the tool could not judge
(bad flags, invalid spec, target unreachable or not the API), 130/143 interrupted
(SIGINT/SIGTERM; the run's backups are deleted, the reports marked interrupted).`;

/** The text of `conformance compare --help`: its options are its rows of the flag table. */
export const compareUsage = `Usage: conformance compare --target A --against B [--noise C | --noise-pass] [options]

Sends the same fixed sequence (every operation with valid requests, the spec's conflicts, an id
never taken, the negative suite's fixed list of invalid takes, the deletes) to A and to B, each on
its own ids above its own highest backup, and reports every way B answers differently from A:
statuses, media types, fields present or absent and their types, enumerated values, message
templates (numbers blanked), the order of lists and partitions, the states a backup goes through
and how long it takes to settle. Ids are compared as offsets from each run's first id, timestamps
only by their order. With --noise C (a second instance of A), or --noise-pass (A a second time),
what A and C already differ in is left out.

Options:
${COMPARE_FLAGS.map((entry) => usageLines(entry, 'compare')).join('\n')}

Exit codes: 0 nothing differs, 1 something differs, 2 could not compare (bad flags, a target
unreachable or not the API, interrupted).`;

/** The text of `conformance rules --help`. */
export const rulesUsage = `Usage: conformance rules [--json] [--spec PATH]

Lists every rule the suite checks, before any run: its id, severity and title, where the spec
states it (a JSON pointer into the document, and the sentence when the rule is written in prose),
the spec/NOTES.md section on how the suite reads it, and the suites that exercise it. A rule the
document does not state is marked: a run against that document does not check it.

Then every sentence of the document's descriptions (operations, responses, schemas and their
properties), each with the rules that enforce it or the spec/NOTES.md section that says why none
does; a sentence with neither is marked UNDECIDED.

Options:
  --json        print { rules, sentences } as JSON, for tools
  --spec PATH   resolve the pointers in this OpenAPI document (default: the bundled spec)
  --help        print this help`;
