import { formatFinding } from '../findings/format-finding.js';
import type { Finding } from '../findings/finding.js';
import { plural } from '../text/plural.js';
import type { RunEvent } from '../run.js';

export interface ConsoleOptions {
  /** True when standard output is a terminal: progress goes on one line that is redrawn in place. */
  readonly isTTY: boolean;
  /** Only findings, errors and the CLI's own lines (the summary); no progress. */
  readonly quiet: boolean;
  /** Also each request with its status and time. */
  readonly verbose: boolean;
  /** Colour the findings' first lines (terminals only). @default false */
  readonly color?: boolean;
  /** Says in the plan line that the run's backups are kept. @default false */
  readonly keepBackups?: boolean;
  /** Width of the terminal, so the progress line never wraps. @default 80 */
  readonly columns?: number;
  /** The clock for the elapsed time, in milliseconds. @default performance.now */
  readonly now?: () => number;
  /** Writes to standard output. */
  write(text: string): void;
  /** Writes to standard error. @default write */
  writeError?(text: string): void;
}

export interface ConsoleReporter {
  /** Shows one event of the run. */
  onEvent(event: RunEvent): void;
  /** Redraws the progress line, so its elapsed time moves while a request is slow. */
  tick(): void;
  /** Prints one line of the CLI's own without garbling the progress line. */
  line(text: string, stream?: 'out' | 'err'): void;
  /** Takes the progress line off the screen until the next event (before a question). */
  clear(): void;
  /** Takes the progress line off the screen for good (before the summary). */
  finish(): void;
}

const CLEAR_LINE = '\r\u001b[2K';
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const COLOURS: Readonly<Record<Finding['verdict'], string>> = { violation: '\u001b[1;31m', inconclusive: '\u001b[1;33m', 'known-deviation': '\u001b[1;36m' };
const RESET = '\u001b[0m';
// Control characters a hostile server could send to move the cursor, retitle the terminal or
// hide text; tabs and line breaks are kept.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * The console view of a run. Not on a terminal, or with --quiet, it is line-oriented: one line per
 * step, every finding in full. On a terminal, the steps go on a single progress line (suite, step,
 * requests so far, elapsed time) redrawn in place, and only what lasts (suites, findings, errors,
 * requests with --verbose) is printed above it.
 */
export function createConsoleReporter(options: ConsoleOptions): ConsoleReporter {
  const now = options.now ?? (() => performance.now());
  const writeError = options.writeError ?? options.write;
  const live = options.isTTY && !options.quiet;
  const started = now();
  const status = { suite: '', step: '', requests: 0, frame: 0 };
  let shown = false;

  const clear = (): void => {
    if (shown) options.write(CLEAR_LINE);
    shown = false;
  };
  const draw = (): void => {
    if (!live || status.suite === '') return;
    options.write(`${CLEAR_LINE}${progressLine(status, now() - started, options.columns ?? 80)}`);
    shown = true;
  };
  const print = (text: string, stream: 'out' | 'err' = 'out'): void => {
    clear();
    (stream === 'out' ? options.write : writeError)(`${text}\n`);
  };

  return {
    onEvent(event) {
      const text = renderEvent(event, options);
      if (event.type === 'suite-start') Object.assign(status, { suite: event.suite.id, step: '' });
      if (event.type === 'suite-end') Object.assign(status, { suite: '', step: '' });
      if (event.type === 'progress') status.step = event.message;
      if (event.type === 'exchange') status.requests++;
      if (text !== undefined) print(text, event.type === 'tool-error' ? 'err' : 'out');
      draw();
    },
    tick() {
      status.frame++;
      draw();
    },
    line(text, stream) {
      print(text, stream);
      draw();
    },
    clear,
    finish() {
      clear();
      status.suite = '';
    },
  };
}

/**
 * The lasting text of one event, or undefined when it has none in this mode. Steps are lasting only
 * when there is no progress line to show them (not a terminal).
 */
export function renderEvent(event: RunEvent, options: Pick<ConsoleOptions, 'isTTY' | 'quiet' | 'verbose' | 'color' | 'keepBackups'>): string | undefined {
  switch (event.type) {
    case 'target':
      return event.embedded
        ? `Target: ${event.url} (the embedded reference server; give --target URL to test your own)`
        : `Target: ${event.url}${event.discoveredPath === undefined ? '' : ` (found ${event.discoveredPath} by probing)`}`;
    case 'plan': {
      // Said even with --quiet: a rule not checked must never pass in silence.
      const unchecked = event.notChecked.map((u) => `Not checked: ${u.ruleId}, because ${u.reason}.`);
      if (options.quiet) return unchecked.length === 0 ? undefined : unchecked.join('\n');
      const plan = event.readOnly
        ? `Read-only: GET requests only; suites ${event.suites.join(', ')}`
        : `Suites: ${event.suites.join(', ')}; at most ${plural(event.maxBackups, 'backup')} will be taken (and deleted ` +
          `again${options.keepBackups === true ? ': no, --keep-backups' : ''})`;
      return [plan, ...unchecked].join('\n');
    }
    case 'suite-start':
      return options.quiet ? undefined : `\n▶ ${event.suite.id}: ${event.suite.title}`;
    case 'suite-end':
      return options.quiet ? undefined : `  done in ${(event.durationMs / 1000).toFixed(2)} s`;
    case 'progress':
      return options.quiet || options.isTTY ? undefined : `  · ${sanitise(event.message)}`;
    case 'finding':
      return `\n${indent(colourHeadline(sanitise(formatFinding(event.finding)), event.finding.verdict, options.isTTY && options.color === true))}\n`;
    case 'exchange': {
      if (!options.verbose) return undefined;
      const { request, response, failure } = event.exchange;
      return sanitise(
        `    ${request.method} ${request.url} → ` +
          `${response ? `${response.status} (${Math.round(response.durationMs)} ms)` : `${failure?.kind}: ${failure?.message}`}`,
      );
    }
    case 'tool-error':
      return `error: ${sanitise(event.error.message)}`;
  }
}

/** The progress line: spinner, suite, step, requests so far and elapsed time, cut to the terminal's width. */
export function progressLine(status: { suite: string; step: string; requests: number; frame: number }, elapsedMs: number, columns: number): string {
  const tail = ` · ${status.requests} request${status.requests === 1 ? '' : 's'} · ${formatElapsed(elapsedMs)}`;
  const head = `${SPINNER[status.frame % SPINNER.length]} ${status.suite}`;
  const room = Math.max(columns - 1 - [...head].length - [...tail].length, 0);
  const step = sanitise(status.step).replace(/\s+/g, ' ');
  const shownStep = step === '' || room < 4 ? '' : ` · ${[...step].length + 3 > room ? `${[...step].slice(0, Math.max(room - 4, 0)).join('')}…` : step}`;
  return [...`${head}${shownStep}${tail}`].slice(0, Math.max(columns - 1, 1)).join('');
}

function formatElapsed(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${String(Math.floor(seconds % 60)).padStart(2, '0')} s`;
}

function sanitise(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

function colourHeadline(text: string, verdict: Finding['verdict'], color: boolean): string {
  if (!color) return text;
  const end = text.indexOf('\n');
  const headline = end === -1 ? text : text.slice(0, end);
  return `${COLOURS[verdict]}${headline}${RESET}${end === -1 ? '' : text.slice(end)}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}
