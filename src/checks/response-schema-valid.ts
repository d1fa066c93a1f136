import type { SchemaIssue } from '../spec/schema-issue.js';
import { toBackupId } from './backup-views.js';
import { defineCheck } from './check.js';
import { mediaTypeMatches } from './media-type-matches.js';

const MAX_ISSUES_SHOWN = 5;

/** The body must parse as JSON and validate against the schema documented for its status. */
export const responseSchemaValid = defineCheck({
  rule: 'response-schema-valid',
  exercisedBy: 'complete answer with a status documented with a schema',
  applies: ({ operation, exchange }) =>
    exchange.response !== undefined && !exchange.response.truncated && (operation.responseFor(exchange.response.status)?.validators.size ?? 0) > 0,
  run({ operation, exchange, body }, fail) {
    const response = exchange.response;
    if (response === undefined || response.truncated) return;
    const documented = operation.responseFor(response.status);
    if (documented === undefined || documented.validators.size === 0) return;
    const contentType = response.headers['content-type'] ?? '';
    const entry = [...documented.validators].find(([type]) => mediaTypeMatches(contentType, type)) ?? [...documented.validators][0];
    if (entry === undefined) return;
    const [mediaType, validate] = entry;
    const specPointer = `${documented.pointer}/content/${mediaType.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`;
    if (body === undefined) {
      fail({ kind: 'empty-body', expected: `${article(mediaType)} ${mediaType} body`, received: 'an empty body', specPointer });
      return;
    }
    if (!body.ok) {
      fail({
        kind: 'not-json',
        expected: `${article(mediaType)} ${mediaType} body`,
        received: `a body that is not JSON (${body.error}): ${preview(response.bodyText)}`,
        specPointer,
      });
      return;
    }
    const issues = validate(body.value, body.exact);
    if (issues.length === 0) return;
    const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((i) => `${i.instancePath || '(root)'} ${i.message}`);
    if (issues.length > MAX_ISSUES_SHOWN) shown.push(`and ${issues.length - MAX_ISSUES_SHOWN} more`);
    fail({
      kind: issueKinds(issues),
      ...singleBackup(operation, body.exact),
      expected: 'a body valid against the schema',
      received: shown.join('; '),
      specPointer,
    });
  },
});

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 80)}…` : flat);
}

/** "a" or "an" before a word, by its first letter (media types start with a letter). */
export function article(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * The fault behind some schema issues, without ids or values: where (each array position written
 * as a star) and which rule, e.g. `/0/details/2/createdAt` becomes the details' createdAt of any
 * backup, `must match format "date-time"`. The same bad field on 2,000 backups of a list, and on
 * each single get, is one kind.
 */
function issueKinds(issues: readonly SchemaIssue[]): string {
  const kinds = new Set(issues.map((issue) => `${issue.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '(root)'} ${withoutValues(issue.message)}`));
  return [...kinds].sort().join('; ');
}

/**
 * An issue's message without the value it quotes: `-1 is outside the int64 range` and `184467440737095516160 is
 * outside…` are one rule broken. A bound the schema states (`must be >= 0`) is part of the rule and stays.
 */
function withoutValues(message: string): string {
  return message
    .replace(/, got [\s\S]*$/, '')
    .replace(/: [\s\S]*$/, '')
    .replace(/^-?\d+ /, '# ');
}

/** The backup a get answer is about, so the finding can count backups; a list answer is about many. */
function singleBackup(operation: { readonly role?: string }, exact: unknown): { backupId?: bigint } {
  if (operation.role !== 'get' || exact === null || typeof exact !== 'object' || Array.isArray(exact)) return {};
  const id = toBackupId((exact as Record<string, unknown>)['backupId']);
  return id === undefined ? {} : { backupId: id };
}
