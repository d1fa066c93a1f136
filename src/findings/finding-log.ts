import { kindOf, ruleKey } from './fault-key.js';
import type { Finding, FindingExample, FindingVariants } from './finding.js';

// A fault seen on every backup of a huge list names each one; counting them needs no more than this.
const MOST_BACKUPS_COUNTED = 100_000;
// A generating server may show a rule broken in hundreds of ways; findings.json lists the first of them.
const MOST_VARIANTS_LISTED = 50;

interface Fault {
  /** The finding as reported: the first sighting's identity, the best sighting's evidence. */
  finding: Finding;
  first: FindingExample;
  best: FindingExample;
  occurrences: number;
  backups: Set<string>;
  /** Every suite that saw it: a fault seen in four suites fails each of them, not only the best sighting's. */
  suites: Set<string>;
  /** Sightings by kind, in the order first seen. */
  variants: Map<string, number>;
  /** Whether every sighting was in the baseline: one new way to break a known rule is new. */
  known: boolean;
}

/**
 * The run's findings, one per rule broken on an operation under one verdict (`ruleKey`), in the
 * order first seen, never keyed by ids or values: a server that writes lastUpdatedAt before
 * createdAt on every partition has one finding, seen on every backup. Its kinds of deviation are
 * counted: one kind is named by the finding, several are listed as its variants (a mock that
 * answers random states is one finding of 33 state combinations). Further sightings are counted,
 * and the one with the best reproduction (a shrunk, replayable sequence; else the fewest requests)
 * becomes the finding's evidence.
 */
export class FindingLog {
  private readonly faults = new Map<string, Fault>();

  /** Records a sighting; returns true when it is a new fault (worth showing), false when it is one already seen. */
  add(finding: Finding): boolean {
    const key = ruleKey(finding);
    const seen = this.faults.get(key);
    const example = exampleOf(finding);
    const kind = kindOf(finding);
    if (seen === undefined) {
      const backups = new Set<string>(finding.backupId === undefined ? [] : [finding.backupId]);
      const suites = new Set<string>(finding.suite === undefined ? [] : [finding.suite]);
      const variants = new Map([[kind, 1]]);
      this.faults.set(key, { finding, first: example, best: example, occurrences: 1, backups, suites, variants, known: finding.inBaseline === true });
      return true;
    }
    seen.occurrences++;
    seen.variants.set(kind, (seen.variants.get(kind) ?? 0) + 1);
    if (finding.inBaseline !== true) seen.known = false;
    if (finding.suite !== undefined) seen.suites.add(finding.suite);
    if (finding.backupId !== undefined && seen.backups.size < MOST_BACKUPS_COUNTED) seen.backups.add(finding.backupId);
    if (reproductionRank(finding.reproduction) < reproductionRank(seen.best.reproduction)) {
      seen.best = example;
      // The evidence travels with its own sighting: what was expected and received, where the spec says it.
      const { expected, received, reproduction, specPointer, specSentence, suite } = finding;
      const { specPointer: _pointer, specSentence: _sentence, ...identity } = seen.finding;
      seen.finding = {
        ...identity,
        expected,
        received,
        reproduction,
        ...(specPointer === undefined ? {} : { specPointer }),
        ...(specSentence === undefined ? {} : { specSentence }),
        ...(suite === undefined ? {} : { suite }),
      };
    }
    return false;
  }

  all(): Finding[] {
    return [...this.faults.values()].map(({ finding, first, best, occurrences, backups, suites, variants, known }) => {
      const { backupId: _sighting, inBaseline: _known, ...fault } = finding;
      return {
        ...fault,
        ...(known ? { inBaseline: true as const } : {}),
        ...(variants.size > 1 ? { variants: listVariants(variants) } : {}),
        ...(occurrences > 1 ? { occurrences } : {}),
        ...(suites.size > 0 ? { suites: [...suites] } : {}),
        ...(backups.size > 0 ? { backups: backups.size } : {}),
        ...(occurrences > 1 ? { examples: first === best ? [first] : [first, best] } : {}),
      };
    });
  }
}

/**
 * Lower is better: a reproduction with a replay (a shrunk sequence that starts from a fresh
 * state) beats one without, then the fewer requests the better; a reproduction with no request
 * at all comes last.
 */
function reproductionRank(reproduction: Finding['reproduction']): number {
  const requests = reproduction.curl.length === 0 ? 1_000_000 : reproduction.curl.length;
  return (reproduction.replay === undefined ? 10_000_000 : 0) + requests;
}

function listVariants(variants: ReadonlyMap<string, number>): FindingVariants {
  const kinds = [...variants].slice(0, MOST_VARIANTS_LISTED).map(([kind, occurrences]) => ({ kind, occurrences }));
  return { count: variants.size, kinds };
}

function exampleOf(finding: Finding): FindingExample {
  return {
    expected: finding.expected,
    received: finding.received,
    ...(finding.suite === undefined ? {} : { suite: finding.suite }),
    ...(finding.backupId === undefined ? {} : { backupId: finding.backupId }),
    reproduction: finding.reproduction,
  };
}
