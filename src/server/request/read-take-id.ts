import type { IdReading } from './id-reading.js';
import { rawMemberValue } from './raw-member-value.js';
import { readInt64Token } from './read-int64-token.js';

const EXAMPLE = 'send a JSON object such as {"backupId": 1}';

/**
 * Binds `backupId` from the body of `POST /` (a `TakeBackupRequest`). The id is read from the raw
 * text, never through a JS number, so every int64 arrives exactly. A JSON string is not an integer
 * and is refused; the `string-ids` quirk accepts one as Spring does.
 */
export function readTakeId(bodyText: string): IdReading {
  if (bodyText.trim() === '') return { error: `The request body is empty: ${EXAMPLE}.` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch (error) {
    return { error: `The request body is not valid JSON (${(error as Error).message}): ${EXAMPLE}.` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { error: `The request body must be a JSON object: ${EXAMPLE}.` };
  }
  const raw = rawMemberValue(bodyText, 'backupId');
  if (raw === undefined || raw === 'null') return { error: `backupId is missing: ${EXAMPLE}.` };
  return readInt64Token(raw);
}
