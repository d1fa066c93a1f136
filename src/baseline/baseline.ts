import { readFile } from 'node:fs/promises';
import { ConformanceError } from '../errors.js';
import { faultKey, faultKeys } from '../findings/fault-key.js';
import type { Finding, FindingVariants } from '../findings/finding.js';

/** A fault recorded in the baseline file, as much of it as identifies and describes it. */
export interface BaselineFault {
  readonly checkId: string;
  readonly operation: string;
  readonly verdict: Finding['verdict'];
  readonly kind?: string;
  /** The other kinds a finding of many variants listed: the baseline knows each. */
  readonly variants?: FindingVariants;
  readonly title?: string;
  readonly expected: string;
  /** Kept for the fault's identity: a finding without a kind is told apart by what it received. */
  readonly received: string;
}

/** The faults of an earlier run (its findings.json), keyed by fault identity. */
export interface Baseline {
  readonly file: string;
  readonly faults: ReadonlyMap<string, BaselineFault>;
}

/** How this run compares with the baseline: which of its faults were known, and which known ones it no longer saw. */
export interface BaselineComparison {
  readonly file: string;
  /** Faults of this run already in the baseline. */
  readonly known: number;
  /** Violations of this run that the baseline does not hold: these fail the run. */
  readonly newViolations: number;
  /** Baseline faults this run checked for and did not see. */
  readonly fixed: readonly BaselineFault[];
  /** Baseline faults whose check did not run on their operation this time: neither fixed nor seen. */
  readonly notRechecked: readonly BaselineFault[];
}

const VERDICTS: ReadonlySet<string> = new Set(['violation', 'inconclusive', 'known-deviation']);

/**
 * Reads a findings.json written by an earlier run. A file that is missing, not JSON or not a
 * findings record is a tool error: a run gated on a baseline it cannot read must not pass.
 */
export async function loadBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConformanceError(
      'CONF_BASELINE_INVALID',
      `Cannot read the --baseline file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Give the findings.json of an ` +
        `earlier run (it is written with --out DIR).`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConformanceError(
      'CONF_BASELINE_INVALID',
      `The --baseline file ${file} is not JSON (${(error as Error).message}). Give the findings.json of an earlier run.`,
    );
  }
  const findings = isRecord(document) ? document['findings'] : undefined;
  if (!isRecord(document) || typeof document['schemaVersion'] !== 'number' || !Array.isArray(findings)) {
    throw new ConformanceError(
      'CONF_BASELINE_INVALID',
      `The --baseline file ${file} is not a findings.json (no schemaVersion and findings list). Give the findings.json of an earlier run.`,
    );
  }
  const faults = new Map<string, BaselineFault>();
  findings.forEach((entry: unknown, i) => {
    const fault = readFault(entry);
    if (fault === undefined) {
      throw new ConformanceError(
        'CONF_BASELINE_INVALID',
        `The --baseline file ${file} has a finding without a checkId, operation, verdict, expected and received at findings[${i}]. Give the ` +
          `findings.json of an earlier run, unedited.`,
      );
    }
    for (const key of faultKeys(fault)) faults.set(key, fault);
  });
  return { file, faults };
}

function readFault(entry: unknown): BaselineFault | undefined {
  if (!isRecord(entry)) return undefined;
  const { checkId, operation, verdict, kind, title, expected, received, variants } = entry;
  if (typeof checkId !== 'string' || typeof operation !== 'string' || typeof verdict !== 'string' || !VERDICTS.has(verdict)) return undefined;
  if (typeof expected !== 'string' || typeof received !== 'string') return undefined;
  return {
    checkId,
    operation,
    verdict: verdict as Finding['verdict'],
    ...(typeof kind === 'string' ? { kind } : {}),
    ...(readVariants(variants) ?? {}),
    ...(typeof title === 'string' ? { title } : {}),
    expected,
    received,
  };
}

/** The finding, marked as known when the baseline holds its fault. */
export function markKnown(finding: Finding, baseline: Baseline | undefined): Finding {
  return baseline?.faults.has(faultKey(finding)) === true ? { ...finding, inBaseline: true } : finding;
}

/** Whether a finding fails the run: a violation the baseline does not already hold. */
export function failsRun(finding: Pick<Finding, 'verdict' | 'inBaseline'>): boolean {
  return finding.verdict === 'violation' && finding.inBaseline !== true;
}

/**
 * The run against the baseline. A baseline fault not seen again is fixed only when its check ran
 * on its operation in this run; otherwise (another --suite, a read-only run) nothing is known.
 */
export function compareWithBaseline(
  baseline: Baseline,
  findings: readonly Finding[],
  evaluated: readonly { readonly operation: string; readonly checkId: string }[],
): BaselineComparison {
  const seen = new Set(findings.flatMap((finding) => faultKeys(finding)));
  const ran = new Set(evaluated.map((entry) => `${entry.checkId}\u0000${entry.operation}`));
  for (const finding of findings) ran.add(`${finding.checkId}\u0000${finding.operation}`);
  // A baseline finding of many variants is missing when none of its variants is seen again.
  const missing = [...new Set(baseline.faults.values())].filter((fault) => !faultKeys(fault).some((key) => seen.has(key)));
  return {
    file: baseline.file,
    known: findings.filter((finding) => finding.inBaseline === true).length,
    newViolations: findings.filter(failsRun).length,
    fixed: missing.filter((fault) => ran.has(`${fault.checkId}\u0000${fault.operation}`)),
    notRechecked: missing.filter((fault) => !ran.has(`${fault.checkId}\u0000${fault.operation}`)),
  };
}

/** The variants of a findings.json entry, when it lists any: each is a fault the baseline knows. */
function readVariants(variants: unknown): Pick<Finding, 'variants'> | undefined {
  if (!isRecord(variants) || !Array.isArray(variants['kinds'])) return undefined;
  const kinds = variants['kinds'].flatMap((entry: unknown) => {
    const kind = isRecord(entry) ? entry['kind'] : undefined;
    return typeof kind === 'string' ? [{ kind, occurrences: 1 }] : [];
  });
  return { variants: { count: kinds.length, kinds } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
