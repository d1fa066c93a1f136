import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** GitHub's heading anchor: lower-case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('every spec/NOTES.md anchor the code points at exists', () => {
  const anchors = new Set(
    readFileSync(join(root, 'spec/NOTES.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('## '))
      .map((line) => slug(line.slice(3))),
  );
  const cited = new Set<string>();
  for (const folder of ['src', 'suites', 'generators', 'reports']) {
    for (const file of sourceFiles(join(root, folder))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/spec\/NOTES\.md#([a-z0-9-]+)/g)) cited.add(match[1] as string);
    }
  }
  assert.ok(cited.size >= 5, 'the code cites the notes');
  const missing = [...cited].filter((anchor) => !anchors.has(anchor));
  assert.deepEqual(missing, []);
});
