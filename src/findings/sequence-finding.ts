import type { Exchange } from '../http/exchange.js';
import type { Finding, Severity, Verdict } from './finding.js';
import { curlScript } from './curl-script.js';
import { toTranscript } from './to-transcript.js';

/** A finding about a sequence of requests, reproduced by the whole sequence (a poll written once). */
export function sequenceFinding(fields: {
  checkId: string;
  title: string;
  severity: Severity;
  verdict?: Verdict;
  operation: string;
  expected: string;
  received: string;
  specPointer?: string;
  /** The kind of deviation, when the caller knows it (see Finding.kind). */
  kind?: string;
  backupId?: string;
  suite: string;
  exchanges: readonly Exchange[];
  redactedHeaders: ReadonlySet<string>;
  replay?: Finding['reproduction']['replay'];
}): Finding {
  const { exchanges, redactedHeaders, replay, verdict, ...rest } = fields;
  return {
    ...rest,
    verdict: verdict ?? 'violation',
    reproduction: {
      curl: curlScript(exchanges, redactedHeaders),
      transcript: toTranscript(exchanges),
      ...(replay === undefined ? {} : { replay }),
    },
  };
}
