import type { Finding } from './finding.js';
import type { ObservedAnswer } from './observed-answer.js';
import type { OperationRole } from '../spec/operation.js';

// Fewer distinct ids could be chance (two gets of backups that happen to share a body); three are a pattern.
const FEWEST_IDS = 3;

/**
 * Notices a server that answers every id with the same backup, as an OpenAPI mock with a static
 * example does: a pile of findings (wrong backup, unknown id found, deleted backup still there) that
 * all have one cause, which the run then says in one sentence.
 */
export class StatelessMockDetector {
  private readonly answered = new Map<bigint, string>();
  private differs = false;

  observe(observation: ObservedAnswer, target: { role: OperationRole; id?: bigint }): void {
    const { answer } = observation;
    if (target.role !== 'get' || target.id === undefined || answer.kind !== 'found' || answer.backup === undefined || this.differs) return;
    const answeredId = answer.backup.backupId;
    const said = answeredId === undefined ? (observation.exchange.response?.bodyText ?? '') : String(answeredId);
    if ([...this.answered.values()].some((other) => other !== said)) this.differs = true;
    else this.answered.set(target.id, said);
  }

  /** The note to print, naming the findings that prove it, or undefined when the server keeps state. */
  note(findings: readonly Finding[]): string | undefined {
    if (this.differs || this.answered.size < FEWEST_IDS) return undefined;
    const ids = [...this.answered.keys()];
    const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')}, …` : ids.join(', ');
    const [said] = this.answered.values();
    const same = /^-?\d+$/.test(said ?? '') ? `backup ${said}` : 'the same body';
    const proof = [...new Set(findings.filter((f) => f.verdict === 'violation').map((f) => f.checkId))];
    const beside = proof.length === 0 ? '' : `; the findings ${proof.join(', ')} follow from it`;
    return `every id answers the same backup (GET of ${ids.length} ids, ${shown}: ${same} each time): this looks like a stateless mock${beside}`;
  }
}
