import { elide } from '../text/elide.js';
import type { Finding, FindingExample, Reproduction, TranscriptEntry } from './finding.js';

/**
 * The finding with every value it echoes from the wire bounded (`elide`): what was expected and
 * received, the server's message, the backup's id, the curl lines, the transcript and the replay.
 * Every report is made from findings, so this is where a megabyte-long id stops; the exchanges
 * themselves, whole, are in exchanges.har.
 */
export function boundFinding(finding: Finding): Finding {
  return {
    ...finding,
    expected: elide(finding.expected),
    received: elide(finding.received),
    ...(finding.kind === undefined ? {} : { kind: elide(finding.kind) }),
    ...(finding.answerMessage === undefined ? {} : { answerMessage: elide(finding.answerMessage) }),
    ...(finding.backupId === undefined ? {} : { backupId: elide(finding.backupId) }),
    reproduction: boundReproduction(finding.reproduction),
    ...(finding.examples === undefined ? {} : { examples: finding.examples.map(boundExample) }),
  };
}

function boundExample(example: FindingExample): FindingExample {
  return {
    ...example,
    expected: elide(example.expected),
    received: elide(example.received),
    ...(example.backupId === undefined ? {} : { backupId: elide(example.backupId) }),
    reproduction: boundReproduction(example.reproduction),
  };
}

function boundReproduction(reproduction: Reproduction): Reproduction {
  const { curl, transcript, replay } = reproduction;
  return {
    ...reproduction,
    curl: curl.map((line) => elide(line)),
    ...(transcript === undefined ? {} : { transcript: transcript.map(boundEntry) }),
    ...(replay === undefined ? {} : { replay: { ...replay, commands: elide(replay.commands) } }),
  };
}

function boundEntry(entry: TranscriptEntry): TranscriptEntry {
  return {
    ...entry,
    request: elide(entry.request),
    ...(entry.failure === undefined ? {} : { failure: elide(entry.failure) }),
    ...(entry.body === undefined ? {} : { body: elide(entry.body, Number.POSITIVE_INFINITY) }),
  };
}
