import { answerMessage } from './answer-message.js';
import type { Exchange } from '../http/exchange.js';
import type { ProseRuleId, OperationPointers } from '../spec/prose-rules.js';
import { findingSource, rule, type RuleId } from '../rules/rules.js';
import type { Finding, Verdict } from './finding.js';
import { curlScript } from './curl-script.js';
import { toTranscript } from './to-transcript.js';

/**
 * A finding about a sequence of requests, reproduced by the whole sequence (a poll written once). Its title and severity
 * are the rule's; its pointer the rule's too, unless the finding names a more precise one.
 */
export function sequenceFinding(fields: {
  checkId: RuleId;
  verdict?: Verdict;
  operation: string;
  expected: string;
  received: string;
  /** A spec/NOTES.md section or a precise `#/...` place, when not the rule's own source. */
  specPointer?: string;
  /** The prose sentence broken, when not the rule's own. */
  prose?: ProseRuleId;
  /** Where the loaded document has each operation, so pointers follow its layout. */
  operations: OperationPointers;
  /** The kind of deviation, when the caller knows it (see Finding.kind). */
  kind?: string;
  backupId?: string;
  evidence?: NonNullable<Finding['evidence']>;
  suite: string;
  exchanges: readonly Exchange[];
  redactedHeaders: ReadonlySet<string>;
  replay?: Finding['reproduction']['replay'];
}): Finding {
  const { exchanges, redactedHeaders, replay, verdict, operations, prose, specPointer, checkId, ...rest } = fields;
  const { title, severity } = rule(checkId);
  // The answer that broke the rule is the last of the reproduction.
  const last = exchanges.at(-1);
  const message = answerMessage(last);
  return {
    checkId,
    title,
    severity,
    ...(last?.response === undefined ? {} : { status: last.response.status }),
    ...(message === undefined ? {} : { answerMessage: message }),
    ...rest,
    verdict: verdict ?? 'violation',
    ...findingSource(checkId, operations, { ...(prose === undefined ? {} : { prose }), ...(specPointer === undefined ? {} : { specPointer }) }),
    reproduction: {
      curl: curlScript(exchanges, redactedHeaders),
      transcript: toTranscript(exchanges),
      ...(replay === undefined ? {} : { replay }),
    },
  };
}
