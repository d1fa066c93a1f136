import { defineCheck } from './check.js';
import { mediaTypeMatches } from './media-type-matches.js';

const MAX_ISSUES_SHOWN = 5;

/** The body must parse as JSON and validate against the schema documented for its status. */
export const responseSchemaValid = defineCheck({
  rule: 'response-schema-valid',
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
      fail({ expected: `a ${mediaType} body`, received: 'an empty body', specPointer });
      return;
    }
    if (!body.ok) {
      fail({ expected: `a ${mediaType} body`, received: `a body that is not JSON (${body.error}): ${preview(response.bodyText)}`, specPointer });
      return;
    }
    const issues = validate(body.value, body.exact);
    if (issues.length === 0) return;
    const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((i) => `${i.instancePath || '(root)'} ${i.message}`);
    if (issues.length > MAX_ISSUES_SHOWN) shown.push(`and ${issues.length - MAX_ISSUES_SHOWN} more`);
    fail({ expected: 'a body valid against the schema', received: shown.join('; '), specPointer });
  },
});

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 80)}…` : flat);
}
